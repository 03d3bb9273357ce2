//
// DiscoveryResponder.h
//
// HDHomeRun's UDP discovery (port 65001).
//

#ifndef outputhdhr_DiscoveryResponder_INCLUDED
#define outputhdhr_DiscoveryResponder_INCLUDED

#include "DeviceIdentity.h"
#include "UdpResponder.h"

namespace outputhdhr {

class DiscoveryResponder final : public UdpResponder
	/// Answers HDHomeRun discover requests (DiscoveryPacket), how Jellyfin
	/// and Emby find tuners and Plex can: a request for a tuner or any
	/// device type, and for this DeviceID or any, gets one reply with the
	/// device type (tuner), DeviceID, DeviceAuth and the Announcement of
	/// /discover.json (TunerCount, BaseURL, LineupURL) for the sender's
	/// network (UdpResponder). Everything else (another frame type, a
	/// malformed or truncated frame, a wrong CRC, another device's id) is
	/// ignored.
	///
	/// The socket is bound without SO_REUSEADDR: a second program on the
	/// port (a real HDHomeRun emulator) makes start() warn, not share.
	/// Ownership, threads and errors: see UdpResponder.
{
public:
	DiscoveryResponder(DeviceIdentity identity, restream::PluginContext& context);
	~DiscoveryResponder() override;

protected:
	Poco::Net::DatagramSocket open(Poco::UInt16 port) override;
	std::string answer(const std::string& datagram, const restream::RouteRequest& request) override;

private:
	const DeviceIdentity _identity;
	Poco::UInt32 _deviceId = 0;
};

} // namespace outputhdhr

#endif // outputhdhr_DiscoveryResponder_INCLUDED
