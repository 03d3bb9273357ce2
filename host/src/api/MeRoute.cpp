//
// MeRoute.cpp
//

#include "api/MeRoute.h"
#include "restream/JsonResponse.h"

namespace restream::host {

std::string MeRoute::method() const
{
	return "GET";
}

std::string MeRoute::path() const
{
	return "/me";
}

ApiRoute::Access MeRoute::access() const
{
	return Access::Protected;
}

void MeRoute::handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response, const Identity& caller)
{
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("username", caller.subject);
	JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, body);
}

std::string MeRoute::summary() const
{
	return "Who the bearer token belongs to: {\"username\"}";
}

} // namespace restream::host
