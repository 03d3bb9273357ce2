//
// LogoRoute.cpp
//

#include "LogoRoute.h"
#include "StreamId.h"

namespace uiadmin {

namespace {

const std::string PREFIX = "/ui/logos/";

} // namespace

LogoRoute::LogoRoute(std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions,
	std::shared_ptr<const Translations> translations):
	UiEndpoint("GET", PREFIX + "*", SessionStore::BACKGROUND, std::move(sessions), std::move(translations)),
	_proxy(std::move(proxy))
{
}

void LogoRoute::serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
	const AdminSession& session)
{
	Poco::Int64 streamId = 0;
	if (!StreamId::parse(request.path.substr(PREFIX.size()), streamId)) return response->sendError(404, "Not found");
	_proxy->image(request, *response, session, "/channels/" + std::to_string(streamId) + "/logo");
}

} // namespace uiadmin
