//
// LanGuard.cpp
//

#include "LanGuard.h"
#include "ForwardedAddresses.h"
#include <vector>

namespace restream {
namespace admin {

LanGuard::LanGuard(NetworkList allowed):
	_allowed(std::move(allowed))
{
}

LanGuard::Verdict LanGuard::check(const Poco::Net::IPAddress& peer, const Poco::Net::NameValueCollection& headers,
	const ProxyTest& isTrustedProxy, std::string& refused) const
{
	const Poco::Net::IPAddress client = NetworkList::unmapped(peer);
	if (!ForwardedAddresses::present(headers))
	{
		if (_allowed.contains(client)) return ALLOWED;
		refused = client.toString();
		return OUTSIDE_NETWORKS;
	}
	if (!isTrustedProxy(client)) return UNTRUSTED_FORWARDING;
	std::vector<Poco::Net::IPAddress> forwarded;
	if (!ForwardedAddresses::read(headers, forwarded)) return UNREADABLE_FORWARDING;
	for (const auto& address : forwarded)
	{
		if (_allowed.contains(address) || isTrustedProxy(address)) continue;
		refused = address.toString();
		return OUTSIDE_NETWORKS;
	}
	return ALLOWED;
}

} // namespace admin
} // namespace restream
