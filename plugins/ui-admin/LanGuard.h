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
#include <string>

namespace restream {
namespace admin {

class LanGuard
	/// Decides, before anything else, whether a request may reach the admin:
	///   - a request carrying a forwarded client address (CF-Connecting-IP,
	///     X-Forwarded-For, X-Real-IP, Forwarded) from a peer that is not a
	///     trusted proxy is refused: the admin exposed through a tunnel or a
	///     proxy by mistake must not open;
	///   - the client (the peer, or the address a trusted proxy forwarded)
	///     must be in the allowed networks (default loopback and private).
	///
	/// A value type; check() is safe from any thread. Errors: none.
{
public:
	enum Verdict
	{
		ALLOWED,
		UNTRUSTED_FORWARDING, /// forwarded headers from a peer that is not a trusted proxy
		OUTSIDE_NETWORKS      /// the client is not in allowedNetworks
	};

	explicit LanGuard(NetworkList allowed);

	Verdict check(const Poco::Net::IPAddress& peer, bool peerIsTrustedProxy, bool forwarded, const std::string& client) const;
		/// peer is the socket's remote address, forwarded tells whether the
		/// request carries forwarding headers (see carriesForwarding()), client
		/// the address the host derived (PluginContext::clientAddress()).

	static bool carriesForwarding(const Poco::Net::NameValueCollection& headers);
		/// True when headers carry a forwarded client address.

private:
	NetworkList _allowed;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_LanGuard_INCLUDED
