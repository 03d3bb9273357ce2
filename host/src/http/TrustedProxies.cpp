//
// TrustedProxies.cpp
//

#include "http/TrustedProxies.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace restream::host {

TrustedProxies::TrustedProxies(const std::string& list)
{
	Poco::StringTokenizer entries(list, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& entry : entries)
	{
		const auto slash = entry.find('/');
		Poco::Net::IPAddress network;
		if (!Poco::Net::IPAddress::tryParse(entry.substr(0, slash), network))
			throw Poco::InvalidArgumentException("http.trustedProxies: not an address or network", entry);
		network = unmapped(network);
		const unsigned bits = network.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
		unsigned prefix = bits;
		if (slash != std::string::npos && (!Poco::NumberParser::tryParseUnsigned(entry.substr(slash + 1), prefix) || prefix > bits))
			throw Poco::InvalidArgumentException("http.trustedProxies: bad prefix length", entry);
		_networks.emplace_back(network, prefix);
	}
}

bool TrustedProxies::contains(const Poco::Net::IPAddress& address) const
{
	const Poco::Net::IPAddress candidate = unmapped(address);
	for (const auto& network : _networks)
	{
		if (network.first.family() != candidate.family()) continue;
		const Poco::Net::IPAddress mask(network.second, candidate.family());
		if ((candidate & mask) == (network.first & mask)) return true;
	}
	return false;
}

std::string TrustedProxies::clientAddress(const Poco::Net::HTTPServerRequest& request) const
{
	const Poco::Net::IPAddress peer = unmapped(request.clientAddress().host());
	if (!contains(peer)) return peer.toString();
	// X-Forwarded-For first: every proxy appends the address it saw (Cloudflare's edge too), so its
	// last untrusted hop cannot be chosen by the client. CF-Connecting-IP only when there is none: a
	// proxy other than Cloudflare may pass a client's own CF-Connecting-IP through untouched.
	Poco::Net::IPAddress forwarded;
	const std::string chain = request.get("X-Forwarded-For", "");
	Poco::StringTokenizer hops(chain, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (auto hop = hops.count(); hop > 0; --hop)
	{
		if (!Poco::Net::IPAddress::tryParse(hops[hop - 1], forwarded)) break;
		forwarded = unmapped(forwarded);
		if (!contains(forwarded)) return forwarded.toString();
	}
	const std::string cloudflare = Poco::trim(request.get("CF-Connecting-IP", ""));
	if (hops.count() == 0 && !cloudflare.empty() && Poco::Net::IPAddress::tryParse(cloudflare, forwarded))
		return unmapped(forwarded).toString();
	return peer.toString();
}

Poco::Net::IPAddress TrustedProxies::unmapped(const Poco::Net::IPAddress& address)
{
	if (address.family() == Poco::Net::IPAddress::IPv6 && address.isIPv4Mapped())
	{
		const std::string text = address.toString();
		return Poco::Net::IPAddress(text.substr(text.rfind(':') + 1));
	}
	return address;
}

} // namespace restream::host
