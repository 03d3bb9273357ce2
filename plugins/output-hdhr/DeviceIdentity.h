//
// DeviceIdentity.h
//
// The tuner's identity, made once and kept in the plugin's state directory.
//

#ifndef outputhdhr_DeviceIdentity_INCLUDED
#define outputhdhr_DeviceIdentity_INCLUDED

#include <string>

namespace Poco {
class Logger;
}

namespace outputhdhr {

class DeviceIdentity
	/// The DeviceID (eight hex digits passing DeviceId's check), the
	/// DeviceAuth token and the UPnP UUID media centres know the tuner by.
	/// Plex keys its DVR on the DeviceID: it is generated at the first start
	/// and read back from <state>/device.json ever after. A value type.
{
public:
	static DeviceIdentity load(const std::string& stateDirectory, Poco::Logger& logger);
		/// Reads the identity kept in stateDirectory, or makes one (random)
		/// and writes it there when there is none or it is unreadable (the
		/// file is replaced atomically). Throws Poco::FileException when the
		/// new identity cannot be written: a tuner that changes its id at
		/// every start would break the media centres' DVRs.

	const std::string& deviceId() const;
	const std::string& deviceAuth() const;
		/// Not a secret of the host: HDHomeRun devices publish it in
		/// discover.json, clients only check it is there.
	const std::string& uuid() const;

private:
	DeviceIdentity() = default;

	std::string _deviceId;
	std::string _deviceAuth;
	std::string _uuid;
};

} // namespace outputhdhr

#endif // outputhdhr_DeviceIdentity_INCLUDED
