//
// MetricsRoute.h
//

#ifndef restream_host_MetricsRoute_INCLUDED
#define restream_host_MetricsRoute_INCLUDED

#include "api/FixedRoute.h"
#include "live/ChannelEngine.h"
#include "plugins/ServiceRegistry.h"

namespace Poco {
class Logger;
}

namespace restream::host {

class MetricsRoute : public FixedRoute
	/// GET /metrics (public): Prometheus text of the channels and the
	/// program, then what every MetricsSource adds (a plugin that fails is
	/// logged and left out).
{
public:
	MetricsRoute(const ChannelEngine& engine, const ServiceRegistry& registry, Poco::Logger& logger);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	const ChannelEngine& _engine;
	const ServiceRegistry& _registry;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_MetricsRoute_INCLUDED
