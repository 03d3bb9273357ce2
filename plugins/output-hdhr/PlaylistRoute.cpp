//
// PlaylistRoute.cpp
//

#include "PlaylistRoute.h"
#include "M3uWriter.h"
#include "PlaybackPicker.h"

namespace outputhdhr {

PlaylistRoute::PlaylistRoute(std::shared_ptr<Lineup> lineup, const restream::PlaybackUrls& urls, Poco::Logger& logger):
	TunerRoute("GET", "/playlist.m3u", "The lineup as an M3U Plus playlist (Jellyfin, Kodi, VLC); ?format=hls for HLS URLs", false, logger),
	_lineup(std::move(lineup)),
	_urls(urls)
{
}

void PlaylistRoute::serve(const restream::RouteRequest& request, restream::RouteResponse& response)
{
	const std::string format = request.parameter("format", "ts");
	if (format != "ts" && format != "hls") return response.sendError(400, "format must be ts or hls");
	const auto lineup = _lineup->current();
	auto body = std::make_shared<std::string>(M3uWriter::header(_urls.portUrl("tuner", request) + "/epg.xml"));
	body->reserve(lineup->entries.size() * 300 + body->size());
	for (const auto& entry : lineup->entries)
	{
		const std::string url = PlaybackPicker::channelUrl(_urls, entry.channel.streamId, format, request);
		if (url.empty())
			return response.sendError(503, format == "ts" ? "no loaded output serves MPEG-TS channels (load output-ts)"
														  : "no loaded output serves HLS channels (load output-hls)");
		M3uWriter::appendEntry(*body, entry, url);
	}
	response.send(200, {{"Content-Type", "audio/x-mpegurl; charset=utf-8"}, {"Cache-Control", "no-store"}}, std::move(body));
}

} // namespace outputhdhr
