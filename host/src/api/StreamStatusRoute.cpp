//
// StreamStatusRoute.cpp
//

#include "api/StreamStatusRoute.h"
#include "api/StatusJson.h"
#include <cmath>

namespace restream::host {

StreamStatusRoute::StreamStatusRoute(const ChannelEngine& engine, const PlaybackUrls& urls):
	FixedRoute("GET", "/stream_status", Access::Public, "The program: its channel, state, viewers, bit rate, errors and URLs"),
	_engine(engine),
	_urls(urls)
{
}

void StreamStatusRoute::handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response)
{
	bool active = false;
	const ChannelStatus status = _engine.programStatus(active);
	const Poco::Dynamic::Var null;
	Poco::JSON::Object::Ptr answer;
	if (active)
	{
		const std::vector<PlaybackUrl> urls = _urls.program(request);
		answer = StatusJson::channel(status, urls);
		answer->set("hls_url", StatusJson::firstOf(urls, "hls"));
	}
	else
	{
		answer = new Poco::JSON::Object;
		for (const char* field : {"stream_id", "name", "number", "category_name", "started_at", "uptime_s", "hls_url", "error", "error_code",
				 "last_packet_at"})
			answer->set(field, null);
		answer->set("state", "idle");
		answer->set("viewers", 0);
		answer->set("bitrate_kbps", 0.0);
		answer->set("reconnects", 0);
		answer->set("urls", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
	}
	answer->set("active", active);
	answer->set("player_url", _urls.portUrl("player", request) + "/");
	response->sendJson(200, answer);
}

} // namespace restream::host
