//
// ClientAddress.h
//

#ifndef restream_host_ClientAddress_INCLUDED
#define restream_host_ClientAddress_INCLUDED

#include "net/AddressList.h"
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NameValueCollection.h>
#include <string>

namespace restream::host {

class ClientAddress
	/// The host's one rule for who a client is and whether it is on the
	/// LAN, used by every port: the API's sign-in throttle, viewer counts,
	/// logs, and the LAN guard of LAN-only ports (admin, tuner).
	///
	/// Who: the peer, unless the peer is a trusted proxy (http.trustedProxies);
	/// then the chain the proxies wrote (ForwardedHeaders::chain()) is walked
	/// from the nearest hop back, and the first hop that is not a trusted
	/// proxy is the client: every proxy appends what it saw, so that hop
	/// cannot be chosen by the client. A hop that does not parse ends the
	/// walk, and the peer is the client then (safe: a throttle counts the
	/// proxy).
	///
	/// LAN: without forwarding headers, the peer must be in the LAN
	/// networks. With any of the four headers from a peer that is not a
	/// trusted proxy, refused (a LAN face exposed through a tunnel by
	/// mistake must not open). From a trusted proxy, every address any of
	/// the four headers names must parse and be in the LAN networks or be a
	/// trusted proxy: a spoofed CF-Connecting-IP next to the X-Forwarded-For
	/// a proxy appended cannot pass for a LAN client.
	///
	/// Immutable; any thread. Errors: none.
{
public:
	enum class Lan
	{
		Allowed,
		UntrustedForwarding,  /// forwarding headers from a peer that is not a trusted proxy
		UnreadableForwarding, /// a trusted proxy's headers name no address, or one that does not parse
		Outside               /// the client, or an address forwarded, is not on the LAN
	};

	ClientAddress(AddressList trustedProxies, AddressList lanNetworks);

	std::string of(const Poco::Net::IPAddress& peer, const Poco::Net::NameValueCollection& headers) const;
		/// The client's address, as text ("192.0.2.7", "2001:db8::1").

	Lan lan(const Poco::Net::IPAddress& peer, const Poco::Net::NameValueCollection& headers, std::string& refused) const;
		/// Whether the client may reach a LAN-only port; refused is the
		/// address that is not on the LAN when Outside.

	bool isTrustedProxy(const Poco::Net::IPAddress& address) const;

private:
	const AddressList _trustedProxies;
	const AddressList _lanNetworks;
};

} // namespace restream::host

#endif // restream_host_ClientAddress_INCLUDED
