//
// PreviewRoute.cpp
//

#include "PreviewRoute.h"

namespace uiadmin {

namespace {

const std::string PREFIX = "/preview"; // in front of the API's paths
const std::string PLAYLIST = PREFIX + "/live.m3u8";
const std::string SEGMENTS = PREFIX + "/hls/";
const std::string PROGRAM_DIRECTORY = "program"; // the program's segments: /hls/program/<name>.ts

bool isDigits(const std::string& text, std::size_t from, std::size_t to)
{
	if (to <= from || to - from > 19) return false;
	for (std::size_t i = from; i < to; ++i)
	{
		if (text[i] < '0' || text[i] > '9') return false;
	}
	return true;
}

} // namespace

PreviewRoute::PreviewRoute(std::string path, std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions,
	std::shared_ptr<const Translations> translations):
	UiEndpoint("GET", std::move(path), SessionStore::BACKGROUND, std::move(sessions), std::move(translations)),
	_proxy(std::move(proxy))
{
}

bool PreviewRoute::isSegmentPath(const std::string& path)
{
	if (path.compare(0, SEGMENTS.size(), SEGMENTS) != 0) return false;
	const auto slash = path.find('/', SEGMENTS.size());
	if (slash == std::string::npos) return false;
	const bool program = path.compare(SEGMENTS.size(), slash - SEGMENTS.size(), PROGRAM_DIRECTORY) == 0;
	if (!program && !isDigits(path, SEGMENTS.size(), slash)) return false;
	const std::string name = path.substr(slash + 1);
	if (name.size() < 4 || name.size() > 64 + 3 || name.compare(name.size() - 3, 3, ".ts") != 0) return false;
	return name.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz-") == name.size() - 3;
}

void PreviewRoute::serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
	const AdminSession& session)
{
	if (request.path == PLAYLIST)
		return _proxy->media(request, *response, session, PLAYLIST.substr(PREFIX.size()), "application/vnd.apple.mpegurl");
	if (isSegmentPath(request.path))
		return _proxy->media(request, *response, session, request.path.substr(PREFIX.size()), "video/mp2t");
	response->sendError(404, "Not found");
}

} // namespace uiadmin
