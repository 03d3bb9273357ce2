//
// SsdpResponder.h
//
// SSDP (UPnP discovery): answers M-SEARCH with device.xml's address.
//

#ifndef outputhdhr_SsdpResponder_INCLUDED
#define outputhdhr_SsdpResponder_INCLUDED

#include "UdpResponder.h"

namespace outputhdhr {

class SsdpResponder final : public UdpResponder
	/// Answers SSDP searches (SsdpSearch) for the tuner, how Plex finds
	/// HDHomeRun devices: LOCATION is /device.xml on the tuner port as the
	/// sender's network reaches it (UdpResponder), USN carries the UUID of
	/// device.xml's UDN. Searches arrive on the multicast group
	/// 239.255.255.250, joined on every IPv4 interface that is up, or
	/// unicast; answers go unicast to the searcher. Searches for other
	/// devices and datagrams that are not searches are ignored. MX is not
	/// waited for: the answer goes at once (no queue of delayed answers).
	///
	/// The socket is bound with SO_REUSEADDR: other UPnP programs of the
	/// machine (a DLNA server) listen on port 1900 too, and each gets the
	/// group's searches. No NOTIFY announcements are sent: clients search.
	/// Ownership, threads and errors: see UdpResponder; an interface that
	/// cannot join the group is a debug line, none at all one warning.
{
public:
	SsdpResponder(std::string uuid, restream::PluginContext& context);
	~SsdpResponder() override;

protected:
	Poco::Net::DatagramSocket open(Poco::UInt16 port) override;
	std::string answer(const std::string& datagram, const restream::RouteRequest& request) override;

private:
	const std::string _uuid;
};

} // namespace outputhdhr

#endif // outputhdhr_SsdpResponder_INCLUDED
