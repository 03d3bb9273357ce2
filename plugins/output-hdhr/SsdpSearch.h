//
// SsdpSearch.h
//
// SSDP searches (M-SEARCH) and their answers.
//

#ifndef outputhdhr_SsdpSearch_INCLUDED
#define outputhdhr_SsdpSearch_INCLUDED

#include <string>

namespace outputhdhr {

class SsdpSearch
	/// The search of UPnP Device Architecture 1.1 §1.3.2 and §1.3.3 for one
	/// root device without services: an M-SEARCH request (HTTP over UDP,
	/// "M-SEARCH * HTTP/1.1", MAN: "ssdp:discover", ST: the search target)
	/// and the response a device sends to the searcher, unicast.
	/// Stateless; any thread; nothing throws.
{
public:
	static bool read(const std::string& datagram, std::string& searchTarget);
		/// True when datagram is an M-SEARCH request with MAN "ssdp:discover"
		/// (quoted or not) and an ST header; searchTarget is its value.
		/// Anything else (a NOTIFY, a response, malformed text) is false.

	static std::string respond(const std::string& searchTarget, const std::string& uuid, const std::string& location);
		/// The response of the device uuid, whose description is at
		/// location, to a search for searchTarget; empty when the device is
		/// not what it searches. Answered: "ssdp:all" and "upnp:rootdevice"
		/// (as the root device: USN uuid:<uuid>::upnp:rootdevice),
		/// "uuid:<uuid>" (USN uuid:<uuid>) and DeviceModel::UPNP_DEVICE_TYPE
		/// (USN uuid:<uuid>::<type>). One response per search, also for
		/// ssdp:all (the spec's one per device and type would multiply the
		/// datagrams a spoofed search sends elsewhere); CACHE-CONTROL
		/// max-age=1800, EXT, LOCATION, SERVER, ST, USN, DATE.
};

} // namespace outputhdhr

#endif // outputhdhr_SsdpSearch_INCLUDED
