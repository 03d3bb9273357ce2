//
// ForwardedAddresses.h
//
// Every client address a request's forwarding headers name.
//

#ifndef restream_admin_ForwardedAddresses_INCLUDED
#define restream_admin_ForwardedAddresses_INCLUDED

#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NameValueCollection.h>
#include <string>
#include <vector>

namespace restream {
namespace admin {

class ForwardedAddresses
	/// Reads the four headers through which proxies name the client, in the
	/// shapes the proxies write them:
	///   - CF-Connecting-IP and X-Real-IP: one address;
	///   - X-Forwarded-For: "client, proxy1, proxy2", every hop;
	///   - Forwarded (RFC 7239): every for= of every element, quoted or not
	///     (for=192.0.2.60;proto=https, for="[2001:db8::17]:4711").
	/// An address may carry a port ("203.0.113.9:51234", "[2001:db8::1]:443")
	/// or IPv6 brackets ("[2001:db8::1]"); IPv4 is the dotted quad only, IPv6
	/// without a zone. Every header of the same name counts.
	///
	/// Stateless; any thread. Errors: none.
{
public:
	static bool present(const Poco::Net::NameValueCollection& headers);
		/// True when headers carry any of the four, even empty.

	static bool read(const Poco::Net::NameValueCollection& headers, std::vector<Poco::Net::IPAddress>& addresses);
		/// Appends every address the headers name to addresses, an IPv4
		/// address mapped into IPv6 as the IPv4 address. False when one of
		/// them is not an address (a typo, "unknown", an obfuscated "_node"
		/// identifier, a malformed Forwarded element) or when they name none:
		/// the client is then unknown, and addresses must not be trusted.

	static bool parse(const std::string& text, Poco::Net::IPAddress& address);
		/// One address as above, blanks around it ignored; false when text is
		/// anything else.
};

} // namespace admin
} // namespace restream

#endif // restream_admin_ForwardedAddresses_INCLUDED
