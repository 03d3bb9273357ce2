//
// PreviewRoute.cpp
//

#include "PreviewRoute.h"
#include "PreviewPaths.h"

namespace uiadmin {

PreviewRoute::PreviewRoute(std::string path, std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions,
	std::shared_ptr<const Translations> translations):
	UiEndpoint("GET", std::move(path), SessionStore::BACKGROUND, std::move(sessions), std::move(translations)),
	_proxy(std::move(proxy))
{
}

void PreviewRoute::serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
	const AdminSession& session)
{
	const std::string apiPath = request.path.substr(PreviewPaths::PREFIX.size());
	if (request.path == PreviewPaths::PLAYLIST)
		return _proxy->media(request, *response, session, apiPath, PreviewPaths::PLAYLIST_TYPE, ApiProxy::Media::Playlist);
	if (request.path == PreviewPaths::LOW_LATENCY_PLAYLIST)
	{
		std::string directives;
		if (!PreviewPaths::reloadDirectives(request.query, directives))
			return response->sendError(400, "_HLS_msn and _HLS_part must be decimal numbers given once, _HLS_part only with _HLS_msn");
		return _proxy->media(request, *response, session, apiPath + directives, PreviewPaths::PLAYLIST_TYPE, ApiProxy::Media::Playlist);
	}
	const std::string type = PreviewPaths::mediaType(request.path);
	if (!type.empty()) return _proxy->media(request, *response, session, apiPath, type, ApiProxy::Media::Segment);
	response->sendError(404, "Not found");
}

} // namespace uiadmin
