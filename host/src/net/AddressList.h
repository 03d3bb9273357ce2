//
// AddressList.h
//

#ifndef restream_host_AddressList_INCLUDED
#define restream_host_AddressList_INCLUDED

#include <Poco/Net/IPAddress.h>
#include <string>
#include <vector>

namespace restream::host {

class AddressList
	/// A list of IP networks ("127.0.0.1/8, ::1, 192.168.0.0/16, fc00::/7")
	/// and the one way the host matches an address against one: an IPv4
	/// address mapped into IPv6 (::ffff:192.0.2.1) is its IPv4 address, on
	/// both sides; a bare address is a /32 or /128; "any" (or 0.0.0.0/0 or
	/// ::/0) matches everything. Used for http.trustedProxies and for the
	/// LAN networks of LAN-only ports.
	///
	/// A value type; immutable; any thread.
{
public:
	AddressList() = default;

	explicit AddressList(const std::string& text);
		/// Parses a comma-separated list. Throws Poco::InvalidArgumentException
		/// naming the entry that is not an address or network.

	bool contains(const Poco::Net::IPAddress& address) const;
	bool contains(const std::string& address) const;
		/// False for text that is not an address.

	bool empty() const;

	static Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& address);
		/// The IPv4 address inside an IPv4-mapped IPv6 one, else address.

private:
	static bool parse(const std::string& text, Poco::Net::IPAddress& address);
		/// IPAddress::tryParse, with "::" (the unspecified address) too.

	struct Network
	{
		Poco::Net::IPAddress address;
		unsigned prefix;
	};

	std::vector<Network> _networks;
	bool _any = false;
};

} // namespace restream::host

#endif // restream_host_AddressList_INCLUDED
