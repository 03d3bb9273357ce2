//
// StreamStatusRoute.h
//

#ifndef restream_host_StreamStatusRoute_INCLUDED
#define restream_host_StreamStatusRoute_INCLUDED

#include "api/FixedRoute.h"
#include "live/ChannelEngine.h"
#include "restream/PlaybackUrls.h"

namespace restream::host {

class StreamStatusRoute : public FixedRoute
	/// GET /stream_status (public: the player reads it): the program.
	/// {"active", "state", "stream_id", "name", "number", "category_name",
	///  "started_at", "uptime_s", "viewers", "bitrate_kbps", "reconnects",
	///  "hls_url", "urls", "player_url", "error", "error_code",
	///  "last_packet_at"}; without a program active is false, state "idle"
	/// and the channel's fields null. Never the upstream URL.
{
public:
	StreamStatusRoute(const ChannelEngine& engine, const PlaybackUrls& urls);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	const ChannelEngine& _engine;
	const PlaybackUrls& _urls;
};

} // namespace restream::host

#endif // restream_host_StreamStatusRoute_INCLUDED
