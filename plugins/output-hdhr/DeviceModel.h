//
// DeviceModel.h
//
// The HDHomeRun model the tuner answers as.
//

#ifndef outputhdhr_DeviceModel_INCLUDED
#define outputhdhr_DeviceModel_INCLUDED

namespace outputhdhr {

struct DeviceModel
	/// Fixed facts of discover.json, device.xml and SSDP. The model is an HDHR5
	/// (no built-in transcoder) on purpose: Jellyfin appends ?transcode= to
	/// channel URLs when ModelNumber contains "hdtc".
{
	static constexpr const char* MANUFACTURER = "Silicondust";
	static constexpr const char* MODEL_NUMBER = "HDHR5-4US";
	static constexpr const char* MODEL_NAME = "HDHomeRun FLEX 4K";
	static constexpr const char* FIRMWARE_NAME = "hdhomerun5_atsc";
	static constexpr const char* FIRMWARE_VERSION = "20240101";
	static constexpr const char* UPNP_DEVICE_TYPE = "urn:schemas-upnp-org:device:MediaServer:1";
		/// device.xml's deviceType, and an SSDP search target answered.
};

} // namespace outputhdhr

#endif // outputhdhr_DeviceModel_INCLUDED
