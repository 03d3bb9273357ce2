//
// ReplyHandler.h
//
// Library: fakeprovider
//
// A handler that sends a fixed answer.
//


#ifndef FakeProvider_ReplyHandler_INCLUDED
#define FakeProvider_ReplyHandler_INCLUDED


#include "Poco/Net/HTTPRequestHandler.h"
#include <string>


namespace fakeprovider {


class ReplyHandler: public Poco::Net::HTTPRequestHandler
	/// Answers with the status, content type and body it was built with (404s, logos).
{
public:
	ReplyHandler(int status, const std::string& contentType, const std::string& body);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	const int _status;
	const std::string _contentType;
	const std::string _body;
};


} // namespace fakeprovider


#endif // FakeProvider_ReplyHandler_INCLUDED
