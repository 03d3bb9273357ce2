//
// Replies.h
//
// Library: fakeprovider
//
// Small helpers the request handlers answer with.
//


#ifndef FakeProvider_Replies_INCLUDED
#define FakeProvider_Replies_INCLUDED


#include "Poco/Net/HTTPServerResponse.h"
#include <string>


namespace fakeprovider {


void sendReply(Poco::Net::HTTPServerResponse& response, int status, const std::string& contentType, const std::string& body);
	/// Sends a complete answer with a Content-Length. Network errors propagate as Poco::Exception.

void sendJson(Poco::Net::HTTPServerResponse& response, const std::string& json);
	/// 200, application/json.

void sendError(Poco::Net::HTTPServerResponse& response, int status);
	/// A short text/plain answer with the status' reason phrase.


} // namespace fakeprovider


#endif // FakeProvider_Replies_INCLUDED
