//
// DiscoverRoute.cpp
//

#include "DiscoverRoute.h"
#include "Announcement.h"
#include "DeviceModel.h"
#include <Poco/JSON/Object.h>

namespace outputhdhr {

DiscoverRoute::DiscoverRoute(DeviceIdentity identity, std::string friendlyName, const restream::Channels& channels,
	const restream::PlaybackUrls& urls, Poco::Logger& logger):
	TunerRoute("GET", "/discover.json", "The HDHomeRun device (Plex, Jellyfin, Emby)", false, logger),
	_identity(std::move(identity)),
	_friendlyName(std::move(friendlyName)),
	_channels(channels),
	_urls(urls)
{
}

void DiscoverRoute::serve(const restream::RouteRequest& request, restream::RouteResponse& response)
{
	const Announcement announcement(_urls, _channels, request);
	Poco::JSON::Object::Ptr device = new Poco::JSON::Object;
	device->set("FriendlyName", _friendlyName);
	device->set("Manufacturer", std::string(DeviceModel::MANUFACTURER));
	device->set("ModelNumber", std::string(DeviceModel::MODEL_NUMBER));
	device->set("FirmwareName", std::string(DeviceModel::FIRMWARE_NAME));
	device->set("FirmwareVersion", std::string(DeviceModel::FIRMWARE_VERSION));
	device->set("DeviceID", _identity.deviceId());
	device->set("DeviceAuth", _identity.deviceAuth());
	device->set("BaseURL", announcement.baseUrl());
	device->set("LineupURL", announcement.lineupUrl());
	device->set("TunerCount", announcement.tunerCount());
	response.sendJson(200, device);
}

} // namespace outputhdhr
