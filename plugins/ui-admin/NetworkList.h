//
// NetworkList.h
//
// A list of IP networks (CIDR) and the test "is this address in one of them".
//

#ifndef restream_admin_NetworkList_INCLUDED
#define restream_admin_NetworkList_INCLUDED

#include <Poco/Net/IPAddress.h>
#include <string>
#include <vector>

namespace restream {
namespace admin {

class NetworkList
	/// Networks written "10.0.0.0/8, ::1, fe80::/10" (an address without a
	/// prefix is a single host), or "any" for every address. An IPv4 address
	/// mapped into IPv6 (::ffff:192.168.1.2) is compared as the IPv4 address.
	///
	/// A value type; const methods are safe from any thread.
	/// Errors: the constructor throws Poco::InvalidArgumentException naming
	/// the entry that is not a network.
{
public:
	explicit NetworkList(const std::string& text);

	bool contains(const Poco::Net::IPAddress& address) const;
		/// True when address is in one of the networks.

	bool contains(const std::string& address) const;
		/// The same for an address in text; false when it does not parse.

	static Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& address);
		/// address, or the IPv4 address an IPv4-mapped IPv6 address carries.

private:
	struct Network
	{
		Poco::Net::IPAddress address;
		unsigned prefix;
	};

	std::vector<Network> _networks;
	bool _any = false;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_NetworkList_INCLUDED
