//
// GuideRoute.h
//
// GET /epg.xml
//

#ifndef outputhdhr_GuideRoute_INCLUDED
#define outputhdhr_GuideRoute_INCLUDED

#include "GuideCache.h"
#include "Lineup.h"
#include "TunerRoute.h"
#include <memory>

namespace outputhdhr {

class GuideRoute : public TunerRoute
	/// The XMLTV guide of the lineup's channels (GuideCache), gzipped when
	/// Accept-Encoding accepts gzip (Content-Encoding: gzip, Vary:
	/// Accept-Encoding); while no guide was filtered yet, EmptyGuide. Asking
	/// for it starts the first download in the background. May block while
	/// the catalog loads; never while the guide downloads.
{
public:
	GuideRoute(std::shared_ptr<Lineup> lineup, std::shared_ptr<GuideCache> cache, Poco::Logger& logger);

	static bool acceptsGzip(const std::string& acceptEncoding);
		/// True when the header names gzip (or x-gzip, or *) without q=0.

protected:
	void serve(const restream::RouteRequest& request, restream::RouteResponse& response) override;

private:
	const std::shared_ptr<Lineup> _lineup;
	const std::shared_ptr<GuideCache> _cache;
};

} // namespace outputhdhr

#endif // outputhdhr_GuideRoute_INCLUDED
