//
// LineupStatusRoute.h
//
// GET /lineup_status.json
//

#ifndef outputhdhr_LineupStatusRoute_INCLUDED
#define outputhdhr_LineupStatusRoute_INCLUDED

#include "TunerRoute.h"

namespace outputhdhr {

class LineupStatusRoute : public TunerRoute
	/// A device that never scans and whose lineup is always there:
	/// {"ScanInProgress":0,"ScanPossible":1,"Source":"Cable","SourceList":["Cable"]}.
	/// Never blocks.
{
public:
	explicit LineupStatusRoute(Poco::Logger& logger);

protected:
	void serve(const restream::RouteRequest& request, restream::RouteResponse& response) override;
};

} // namespace outputhdhr

#endif // outputhdhr_LineupStatusRoute_INCLUDED
