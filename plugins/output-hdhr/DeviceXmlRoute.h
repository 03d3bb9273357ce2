//
// DeviceXmlRoute.h
//
// GET /device.xml
//

#ifndef outputhdhr_DeviceXmlRoute_INCLUDED
#define outputhdhr_DeviceXmlRoute_INCLUDED

#include "DeviceIdentity.h"
#include "TunerRoute.h"
#include "restream/PlaybackUrls.h"

namespace outputhdhr {

class DeviceXmlRoute : public TunerRoute
	/// The UPnP device description HDHomeRun devices publish (Plex reads it
	/// when it found the device by SSDP): URLBase, friendly name, model,
	/// serial number (the DeviceID) and UDN (uuid:). Never blocks.
{
public:
	static constexpr const char* PATH = "/device.xml";
		/// Also the LOCATION of SSDP answers.

	DeviceXmlRoute(DeviceIdentity identity, std::string friendlyName, const restream::PlaybackUrls& urls, Poco::Logger& logger);

protected:
	void serve(const restream::RouteRequest& request, restream::RouteResponse& response) override;

private:
	const DeviceIdentity _identity;
	const std::string _friendlyName;
	const restream::PlaybackUrls& _urls;
};

} // namespace outputhdhr

#endif // outputhdhr_DeviceXmlRoute_INCLUDED
