//
// RequestOrigin.h
//
// The admin's own address as a request shows it: host, scheme, origin.
//

#ifndef restream_admin_RequestOrigin_INCLUDED
#define restream_admin_RequestOrigin_INCLUDED

#include <string>

namespace restream {
namespace admin {

class RequestOrigin
	/// Reads the Host header strictly: a DNS name, an IPv4 address or a
	/// bracketed IPv6 address, with an optional port. Anything else (quotes,
	/// slashes, spaces, "@"...) is refused, so a Host header can never break
	/// out of a page, a URL or a CSP.
	/// Stateless; any thread. Errors: none.
{
public:
	static bool validHost(const std::string& host);
		/// True for "name", "name:port", "10.0.0.2:8001", "[::1]:8001".

	static std::string hostName(const std::string& host);
		/// host without its port, lower case; empty when !validHost(host).

	static std::string origin(bool secure, const std::string& host);
		/// "http(s)://" + host in lower case; empty when !validHost(host).
};

} // namespace admin
} // namespace restream

#endif // restream_admin_RequestOrigin_INCLUDED
