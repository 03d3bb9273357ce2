//
// RunningChannelsRoute.h
//

#ifndef restream_host_RunningChannelsRoute_INCLUDED
#define restream_host_RunningChannelsRoute_INCLUDED

#include "api/FixedRoute.h"
#include "restream/Channels.h"
#include "restream/PlaybackUrls.h"

namespace restream::host {

class RunningChannelsRoute : public FixedRoute
	/// GET /running_channels (protected): every running channel, with who
	/// holds it (pinned, on air, the leases of outputs' viewers) and its URLs:
	/// {"program": stream id or null, "channels": [StatusJson::channel()]}.
{
public:
	RunningChannelsRoute(const Channels& channels, const PlaybackUrls& urls);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	const Channels& _channels;
	const PlaybackUrls& _urls;
};

} // namespace restream::host

#endif // restream_host_RunningChannelsRoute_INCLUDED
