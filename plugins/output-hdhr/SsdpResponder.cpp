//
// SsdpResponder.cpp
//

#include "SsdpResponder.h"
#include "DeviceXmlRoute.h"
#include "SsdpSearch.h"
#include <Poco/Logger.h>
#include <Poco/Net/MulticastSocket.h>
#include <Poco/Net/NetworkInterface.h>

namespace outputhdhr {

namespace {

const Poco::Net::IPAddress GROUP("239.255.255.250");

} // namespace

SsdpResponder::SsdpResponder(std::string uuid, restream::PluginContext& context):
	UdpResponder("SSDP", context),
	_uuid(std::move(uuid))
{
}

SsdpResponder::~SsdpResponder()
{
	stop();
}

Poco::Net::DatagramSocket SsdpResponder::open(Poco::UInt16 port)
{
	Poco::Net::MulticastSocket socket(Poco::Net::SocketAddress::IPv4);
	socket.bind(Poco::Net::SocketAddress(Poco::Net::IPAddress(), port), true);
	int joined = 0;
	for (const auto& networkInterface : Poco::Net::NetworkInterface::list())
	{
		if (!networkInterface.supportsIPv4()) continue;
		try
		{
			socket.joinGroup(GROUP, networkInterface);
			++joined;
		}
		catch (const Poco::Exception& exc)
		{
			context().logger().debug("SSDP: %s does not join %s: %s", networkInterface.name(), GROUP.toString(), exc.displayText());
		}
	}
	if (joined == 0)
		context().logger().warning("SSDP: no interface joined the multicast group %s; only searches sent to this machine's address are answered",
			GROUP.toString());
	return socket;
}

std::string SsdpResponder::answer(const std::string& datagram, const restream::RouteRequest& request)
{
	std::string searchTarget;
	if (!SsdpSearch::read(datagram, searchTarget)) return "";
	return SsdpSearch::respond(searchTarget, _uuid, context().playbackUrls().portUrl("tuner", request) + DeviceXmlRoute::PATH);
}

} // namespace outputhdhr
