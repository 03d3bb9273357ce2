//
// LineupRoute.h
//
// GET /lineup.json
//

#ifndef outputhdhr_LineupRoute_INCLUDED
#define outputhdhr_LineupRoute_INCLUDED

#include "Lineup.h"
#include "TunerRoute.h"
#include "restream/PlaybackUrls.h"
#include <memory>

namespace outputhdhr {

class LineupRoute : public TunerRoute
	/// The HDHomeRun lineup: [{"GuideNumber","GuideName","URL","HD":1 when
	/// the name says so}], one per lineup channel, URL being the channel's
	/// "ts" playback URL (output-ts, on the tuner port). 503 with a sentence
	/// when no loaded output serves MPEG-TS; the catalog's errors as
	/// TunerRoute says. May block while the catalog loads.
{
public:
	LineupRoute(std::shared_ptr<Lineup> lineup, const restream::PlaybackUrls& urls, Poco::Logger& logger);

	static void appendJsonString(std::string& out, const std::string& text);
		/// Appends text as a JSON string (quoted, escaped).

protected:
	void serve(const restream::RouteRequest& request, restream::RouteResponse& response) override;

private:
	const std::shared_ptr<Lineup> _lineup;
	const restream::PlaybackUrls& _urls;
};

} // namespace outputhdhr

#endif // outputhdhr_LineupRoute_INCLUDED
