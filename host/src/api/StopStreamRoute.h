//
// StopStreamRoute.h
//

#ifndef restream_host_StopStreamRoute_INCLUDED
#define restream_host_StopStreamRoute_INCLUDED

#include "api/FixedRoute.h"
#include "restream/Channels.h"

namespace restream::host {

class StopStreamRoute : public FixedRoute
	/// POST /stop_stream [{"stream_id": 101}] (protected): without a stream
	/// id the program ends (its playlist ends, then disappears); with one,
	/// that channel's pin goes (and the program, when it is on air). The
	/// channel stops unless something else holds it. Idempotent:
	/// 200 {"state": "idle", "stopped"}.
{
public:
	explicit StopStreamRoute(Channels& channels);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	Channels& _channels;
};

} // namespace restream::host

#endif // restream_host_StopStreamRoute_INCLUDED
