//
// ForwardedHeaders.h
//

#ifndef restream_host_ForwardedHeaders_INCLUDED
#define restream_host_ForwardedHeaders_INCLUDED

#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NameValueCollection.h>
#include <string>
#include <vector>

namespace restream::host {

class ForwardedHeaders
	/// Reads the four headers through which proxies name a client, in the
	/// shapes proxies write them:
	///   - X-Forwarded-For: "client, proxy1, proxy2", every hop;
	///   - Forwarded (RFC 7239): every for= of every element, quoted or not
	///     (for=192.0.2.60;proto=https, for="[2001:db8::17]:4711");
	///   - X-Real-IP and CF-Connecting-IP: one address.
	/// An address may carry a port ("203.0.113.9:51234", "[2001:db8::1]:443")
	/// or IPv6 brackets; IPv4 is the dotted quad only, IPv6 without a zone
	/// and not in the deprecated IPv4-compatible form (::192.0.2.1, ::2:
	/// RFC 4291 section 2.5.5.1); an IPv4-mapped IPv6 address is its IPv4
	/// address. Every header of the same name counts, in order.
	///
	/// Stateless; any thread. Errors: none (false for what does not parse).
{
public:
	static const char* const NAMES[4];
		/// The four header names.

	static bool present(const Poco::Net::NameValueCollection& headers);
		/// True when headers carry any of the four, even empty.

	static bool all(const Poco::Net::NameValueCollection& headers, std::vector<Poco::Net::IPAddress>& addresses);
		/// Appends every address the four headers name. False when one of
		/// them is not an address ("unknown", an obfuscated "_node", a typo,
		/// a malformed Forwarded element) or when they name none.

	static std::vector<std::string> chain(const Poco::Net::NameValueCollection& headers);
		/// The hops of the proxy chain as written, the client first and the
		/// nearest proxy last: X-Forwarded-For's when present, else
		/// Forwarded's for= values (unquoted; a malformed element is an
		/// empty hop), else X-Real-IP's, else CF-Connecting-IP's. Read each
		/// with parseAddress(), from the end.

	static bool parseAddress(const std::string& text, Poco::Net::IPAddress& address);
		/// One address as above, blanks around it ignored.
};

} // namespace restream::host

#endif // restream_host_ForwardedHeaders_INCLUDED
