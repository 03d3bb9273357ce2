//
// LineupPostRoute.cpp
//

#include "LineupPostRoute.h"

namespace outputhdhr {

LineupPostRoute::LineupPostRoute(Poco::Logger& logger):
	TunerRoute("POST", "/lineup.post", "Starts or aborts an HDHomeRun channel scan (nothing to scan: answers 200)", true, logger)
{
}

void LineupPostRoute::serve(const restream::RouteRequest& request, restream::RouteResponse& response)
{
	const std::string scan = request.parameter("scan", "start");
	if (scan != "start" && scan != "abort") return response.sendError(400, "scan must be start or abort");
	response.send(200, {{"Cache-Control", "no-store"}}, nullptr);
}

} // namespace outputhdhr
