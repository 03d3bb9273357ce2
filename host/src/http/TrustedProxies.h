//
// TrustedProxies.h
//

#ifndef restream_host_TrustedProxies_INCLUDED
#define restream_host_TrustedProxies_INCLUDED

#include <Poco/Net/IPAddress.h>
#include <string>
#include <utility>
#include <vector>

namespace Poco {
namespace Net {
class HTTPServerRequest;
}
} // namespace Poco

namespace restream::host {

class TrustedProxies
	/// The proxies whose forwarded client addresses are believed (key
	/// http.trustedProxies: a comma-separated list of addresses and CIDR
	/// networks, default loopback). Behind a Cloudflare tunnel, or behind the
	/// admin signing in for a browser, every request comes from 127.0.0.1:
	/// only a trusted peer's CF-Connecting-IP or X-Forwarded-For is read.
	/// Immutable once built; safe from any thread.
{
public:
	explicit TrustedProxies(const std::string& list);
		/// Parses list. Throws Poco::InvalidArgumentException naming the bad entry.

	bool contains(const Poco::Net::IPAddress& address) const;
		/// True if address is in one of the trusted networks.

	std::string clientAddress(const Poco::Net::HTTPServerRequest& request) const;
		/// The peer's address; when the peer is trusted, CF-Connecting-IP if
		/// valid, else the right-most X-Forwarded-For hop that is not itself a
		/// trusted proxy. Malformed forwarded values are ignored.

private:
	static Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& address);

	std::vector<std::pair<Poco::Net::IPAddress, unsigned>> _networks;
};

} // namespace restream::host

#endif // restream_host_TrustedProxies_INCLUDED
