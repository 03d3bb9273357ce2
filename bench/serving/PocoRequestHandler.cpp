//
// PocoRequestHandler.cpp
//

#include "PocoRequestHandler.h"
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace restream::bench {

PocoRequestHandler::PocoRequestHandler(const ServedContent& content):
	_content(content)
{
}

void PocoRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	using Poco::Net::HTTPResponse;
	const bool head = request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD;
	if (!head && request.getMethod() != Poco::Net::HTTPRequest::HTTP_GET)
	{
		response.set("Allow", "GET, HEAD");
		response.setStatusAndReason(HTTPResponse::HTTP_METHOD_NOT_ALLOWED);
		response.send() << "Method Not Allowed\n";
		return;
	}
	const ServedContent::Resource* resource = _content.find(request.getURI());
	if (!resource)
	{
		response.setStatusAndReason(HTTPResponse::HTTP_NOT_FOUND);
		response.send() << "Not Found\n";
		return;
	}
	response.setContentType(std::string(resource->contentType));
	if (head)
	{
		response.setContentLength64(static_cast<Poco::Int64>(resource->body.size()));
		response.send();
		return;
	}
	response.sendBuffer(resource->body.data(), resource->body.size());
}

} // namespace restream::bench
