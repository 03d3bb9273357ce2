//
// ClientAddress.cpp
//

#include "net/ClientAddress.h"
#include "net/ForwardedHeaders.h"
#include <vector>

namespace restream::host {

ClientAddress::ClientAddress(AddressList trustedProxies, AddressList lanNetworks):
	_trustedProxies(std::move(trustedProxies)),
	_lanNetworks(std::move(lanNetworks))
{
}

std::string ClientAddress::of(const Poco::Net::IPAddress& peer, const Poco::Net::NameValueCollection& headers) const
{
	const Poco::Net::IPAddress client = AddressList::unmapped(peer);
	if (!_trustedProxies.contains(client)) return client.toString();
	const std::vector<std::string> hops = ForwardedHeaders::chain(headers);
	for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop)
	{
		Poco::Net::IPAddress address;
		if (!ForwardedHeaders::parseAddress(*hop, address)) break;
		if (!_trustedProxies.contains(address)) return address.toString();
	}
	return client.toString();
}

ClientAddress::Lan ClientAddress::lan(const Poco::Net::IPAddress& peer, const Poco::Net::NameValueCollection& headers,
	std::string& refused) const
{
	const Poco::Net::IPAddress client = AddressList::unmapped(peer);
	if (!ForwardedHeaders::present(headers))
	{
		if (_lanNetworks.contains(client)) return Lan::Allowed;
		refused = client.toString();
		return Lan::Outside;
	}
	if (!_trustedProxies.contains(client)) return Lan::UntrustedForwarding;
	std::vector<Poco::Net::IPAddress> forwarded;
	if (!ForwardedHeaders::all(headers, forwarded)) return Lan::UnreadableForwarding;
	for (const auto& address : forwarded)
	{
		if (_lanNetworks.contains(address) || _trustedProxies.contains(address)) continue;
		refused = address.toString();
		return Lan::Outside;
	}
	return Lan::Allowed;
}

bool ClientAddress::isTrustedProxy(const Poco::Net::IPAddress& address) const
{
	return _trustedProxies.contains(address);
}

} // namespace restream::host
