//
// DiscoverRoute.h
//
// GET /discover.json
//

#ifndef outputhdhr_DiscoverRoute_INCLUDED
#define outputhdhr_DiscoverRoute_INCLUDED

#include "DeviceIdentity.h"
#include "TunerRoute.h"
#include "restream/Channels.h"
#include "restream/PlaybackUrls.h"
#include <memory>

namespace outputhdhr {

class DiscoverRoute : public TunerRoute
	/// The device as Plex, Jellyfin and Emby read it: FriendlyName,
	/// Manufacturer, ModelNumber, FirmwareName, FirmwareVersion, DeviceID,
	/// DeviceAuth, and BaseURL, LineupURL and TunerCount as Announcement
	/// says them (so does the UDP discovery reply).
{
public:
	DiscoverRoute(DeviceIdentity identity, std::string friendlyName, const restream::Channels& channels,
		const restream::PlaybackUrls& urls, Poco::Logger& logger);

protected:
	void serve(const restream::RouteRequest& request, restream::RouteResponse& response) override;

private:
	const DeviceIdentity _identity;
	const std::string _friendlyName;
	const restream::Channels& _channels;
	const restream::PlaybackUrls& _urls;
};

} // namespace outputhdhr

#endif // outputhdhr_DiscoverRoute_INCLUDED
