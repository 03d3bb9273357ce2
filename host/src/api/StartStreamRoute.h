//
// StartStreamRoute.h
//

#ifndef restream_host_StartStreamRoute_INCLUDED
#define restream_host_StartStreamRoute_INCLUDED

#include "api/FixedRoute.h"
#include "restream/Channels.h"
#include "restream/PlaybackUrls.h"

namespace restream::host {

class StartStreamRoute : public FixedRoute
	/// POST /start_stream {"stream_id": 101[, "primary": true]} (protected).
	/// primary (the default): the channel goes on air, the program
	/// (/live.m3u8) switches to it; false: the channel is pinned and runs on
	/// its own. 200 {"state", "stream_id", "name", "hls_url", "urls",
	/// "player_url"}; 400 malformed, 404 unknown channel, 409 no provider
	/// connection left (with "error_code"), 502/503/504 the source failed.
{
public:
	StartStreamRoute(Channels& channels, const PlaybackUrls& urls);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	Channels& _channels;
	const PlaybackUrls& _urls;
};

} // namespace restream::host

#endif // restream_host_StartStreamRoute_INCLUDED
