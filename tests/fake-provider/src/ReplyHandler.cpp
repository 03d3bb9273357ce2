//
// ReplyHandler.cpp
//
// Library: fakeprovider
//


#include "ReplyHandler.h"
#include "Replies.h"
#include "Poco/Exception.h"


namespace fakeprovider {


ReplyHandler::ReplyHandler(int status, const std::string& contentType, const std::string& body):
	_status(status),
	_contentType(contentType),
	_body(body)
{
}


void ReplyHandler::handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response)
{
	try
	{
		sendReply(response, _status, _contentType, _body);
	}
	catch (Poco::Exception&)
	{
		// The client went away: nothing to do.
	}
}


} // namespace fakeprovider
