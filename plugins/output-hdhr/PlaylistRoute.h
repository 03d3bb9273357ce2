//
// PlaylistRoute.h
//
// GET /playlist.m3u
//

#ifndef outputhdhr_PlaylistRoute_INCLUDED
#define outputhdhr_PlaylistRoute_INCLUDED

#include "Lineup.h"
#include "TunerRoute.h"
#include "restream/PlaybackUrls.h"
#include <memory>

namespace outputhdhr {

class PlaylistRoute : public TunerRoute
	/// The lineup as M3U Plus (M3uWriter) for Jellyfin's M3U tuner, Kodi
	/// and VLC: url-tvg is this port's /epg.xml, tvg-chno the GuideNumber,
	/// tvg-id the EPG id (= the guide's channel ids). URLs are the channels'
	/// "ts" playback URLs, or "hls" ones with ?format=hls; 400 for another
	/// format, 503 when no loaded output serves the format. May block while
	/// the catalog loads.
{
public:
	PlaylistRoute(std::shared_ptr<Lineup> lineup, const restream::PlaybackUrls& urls, Poco::Logger& logger);

protected:
	void serve(const restream::RouteRequest& request, restream::RouteResponse& response) override;

private:
	const std::shared_ptr<Lineup> _lineup;
	const restream::PlaybackUrls& _urls;
};

} // namespace outputhdhr

#endif // outputhdhr_PlaylistRoute_INCLUDED
