//
// ErrorHandler.h
//

#ifndef restream_host_ErrorHandler_INCLUDED
#define restream_host_ErrorHandler_INCLUDED

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPResponse.h>
#include <string>

namespace restream::host {

class ErrorHandler : public Poco::Net::HTTPRequestHandler
	/// Answers {"detail": ...} with a fixed status: 404s, 400s for bad URIs,
	/// 503 for a port whose plugin is not running.
{
public:
	ErrorHandler(Poco::Net::HTTPResponse::HTTPStatus status, std::string detail);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	const Poco::Net::HTTPResponse::HTTPStatus _status;
	const std::string _detail;
};

} // namespace restream::host

#endif // restream_host_ErrorHandler_INCLUDED
