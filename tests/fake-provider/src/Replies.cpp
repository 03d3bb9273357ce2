//
// Replies.cpp
//
// Library: fakeprovider
//


#include "Replies.h"


namespace fakeprovider {


void sendReply(Poco::Net::HTTPServerResponse& response, int status, const std::string& contentType, const std::string& body)
{
	response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
	response.setContentType(contentType);
	response.sendBuffer(body.data(), body.size());
}


void sendJson(Poco::Net::HTTPServerResponse& response, const std::string& json)
{
	sendReply(response, 200, "application/json", json);
}


void sendError(Poco::Net::HTTPServerResponse& response, int status)
{
	const std::string reason = Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
	sendReply(response, status, "text/plain; charset=utf-8", reason + "\n");
}


} // namespace fakeprovider
