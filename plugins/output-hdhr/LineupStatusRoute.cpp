//
// LineupStatusRoute.cpp
//

#include "LineupStatusRoute.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace outputhdhr {

LineupStatusRoute::LineupStatusRoute(Poco::Logger& logger):
	TunerRoute("GET", "/lineup_status.json", "The HDHomeRun scan status: never scanning, scan possible", true, logger)
{
}

void LineupStatusRoute::serve(const restream::RouteRequest&, restream::RouteResponse& response)
{
	Poco::JSON::Array::Ptr sources = new Poco::JSON::Array;
	sources->add(std::string("Cable"));
	Poco::JSON::Object::Ptr status = new Poco::JSON::Object;
	status->set("ScanInProgress", 0);
	status->set("ScanPossible", 1);
	status->set("Source", std::string("Cable"));
	status->set("SourceList", sources);
	response.sendJson(200, status);
}

} // namespace outputhdhr
