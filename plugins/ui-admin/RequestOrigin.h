//
// RequestOrigin.h
//
// The admin's own address as a request shows it: host, scheme, origin.
//

#ifndef uiadmin_RequestOrigin_INCLUDED
#define uiadmin_RequestOrigin_INCLUDED

#include "restream/RouteRequest.h"
#include <string>

namespace uiadmin {

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

	static std::string origin(bool secure, const std::string& host);
		/// "http(s)://" + host in lower case; empty when !validHost(host).

	static bool secure(const restream::RouteRequest& request);
		/// True when the browser reached the admin over HTTPS: the TLS proxy
		/// in front of it says so with "X-Forwarded-Proto: https" (the host
		/// serves plain HTTP). The request does not tell whether that proxy
		/// is trusted; a client that writes the header itself only makes its
		/// own cookies Secure and its own Origin check stricter.

	static std::string origin(const restream::RouteRequest& request);
		/// origin(secure(request), request.host): the admin's origin as the
		/// browser that sent request sees it.
};

} // namespace uiadmin

#endif // uiadmin_RequestOrigin_INCLUDED
