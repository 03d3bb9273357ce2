//
// LineupPostRoute.h
//
// POST /lineup.post
//

#ifndef outputhdhr_LineupPostRoute_INCLUDED
#define outputhdhr_LineupPostRoute_INCLUDED

#include "TunerRoute.h"

namespace outputhdhr {

class LineupPostRoute : public TunerRoute
	/// Plex's "scan channels": ?scan=start or ?scan=abort (or none) answers
	/// 200 with no body, as there is nothing to scan (the lineup follows
	/// the catalog); another scan value answers 400. Never blocks.
{
public:
	explicit LineupPostRoute(Poco::Logger& logger);

protected:
	void serve(const restream::RouteRequest& request, restream::RouteResponse& response) override;
};

} // namespace outputhdhr

#endif // outputhdhr_LineupPostRoute_INCLUDED
