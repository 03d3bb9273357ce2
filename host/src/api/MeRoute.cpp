//
// MeRoute.cpp
//

#include "api/MeRoute.h"

namespace restream::host {

MeRoute::MeRoute():
	FixedRoute("GET", "/me", Access::Protected, "Who the bearer token belongs to: {\"username\"}")
{
}

void MeRoute::handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response)
{
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("username", request.caller.subject);
	response->sendJson(200, body);
}

} // namespace restream::host
