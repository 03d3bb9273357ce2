//
// LanGuard.h
//
// Who may talk to the admin port at all.
//

#ifndef restream_admin_LanGuard_INCLUDED
#define restream_admin_LanGuard_INCLUDED

#include "NetworkList.h"
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NameValueCollection.h>
#include <functional>
#include <string>

namespace restream {
namespace admin {

class LanGuard
	/// Decides, before anything else, whether a request may reach the admin:
	///   - without forwarding headers (ForwardedAddresses), the peer must be
	///     in the allowed networks (default loopback and private);
	///   - a request carrying any (CF-Connecting-IP, X-Real-IP,
	///     X-Forwarded-For, Forwarded) from a peer that is not a trusted proxy
	///     is refused: the admin exposed through a tunnel or a proxy by
	///     mistake must not open;
	///   - from a trusted proxy, every address those headers name must be in
	///     the allowed networks or be a trusted proxy itself, and all of them
	///     must be readable: a proxy that writes only X-Real-IP or Forwarded,
	///     a hop with a port, "unknown", a spoofed CF-Connecting-IP next to the
	///     X-Forwarded-For a proxy appended: none can pass for a LAN client.
	///
	/// A value type; check() is safe from any thread. Errors: none.
{
public:
	enum Verdict
	{
		ALLOWED,
		UNTRUSTED_FORWARDING,  /// forwarding headers from a peer that is not a trusted proxy
		UNREADABLE_FORWARDING, /// a trusted proxy's forwarding headers name no address, or one that does not parse
		OUTSIDE_NETWORKS       /// the client (or an address forwarded) is not in allowedNetworks
	};

	using ProxyTest = std::function<bool(const Poco::Net::IPAddress&)>;
		/// True for an address of http.trustedProxies (PluginContext::isTrustedProxy()).

	explicit LanGuard(NetworkList allowed);

	Verdict check(const Poco::Net::IPAddress& peer, const Poco::Net::NameValueCollection& headers, const ProxyTest& isTrustedProxy,
		std::string& refused) const;
		/// peer is the socket's remote address, headers the request's. When
		/// the verdict is OUTSIDE_NETWORKS, refused is the address that is
		/// not allowed (for the log).

private:
	NetworkList _allowed;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_LanGuard_INCLUDED
