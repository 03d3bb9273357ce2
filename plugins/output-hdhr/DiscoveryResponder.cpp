//
// DiscoveryResponder.cpp
//

#include "DiscoveryResponder.h"
#include "Announcement.h"
#include "DeviceId.h"
#include "DiscoveryPacket.h"

namespace outputhdhr {

DiscoveryResponder::DiscoveryResponder(DeviceIdentity identity, restream::PluginContext& context):
	UdpResponder("HDHomeRun discovery", context),
	_identity(std::move(identity))
{
	DeviceId::parse(_identity.deviceId(), _deviceId); // DeviceIdentity holds a valid one
}

DiscoveryResponder::~DiscoveryResponder()
{
	stop();
}

Poco::Net::DatagramSocket DiscoveryResponder::open(Poco::UInt16 port)
{
	return Poco::Net::DatagramSocket(Poco::Net::SocketAddress(Poco::Net::IPAddress(), port), false);
}

std::string DiscoveryResponder::answer(const std::string& datagram, const restream::RouteRequest& request)
{
	DiscoveryPacket question;
	if (!DiscoveryPacket::decode(datagram, question) || !question.asksFor(DiscoveryPacket::TUNER, _deviceId)) return "";
	const Announcement announcement(context().playbackUrls(), context().channels(), request);
	return DiscoveryPacket::reply(_deviceId, announcement.tunerCount(), _identity.deviceAuth(), announcement.baseUrl(),
		announcement.lineupUrl())
		.encode();
}

} // namespace outputhdhr
