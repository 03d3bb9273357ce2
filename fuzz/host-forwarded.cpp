//
// host-forwarded.cpp
//
// ForwardedHeaders and ClientAddress on any request headers: each input line
// is one "Name: value" header (the same name may repeat), as a proxy chain
// would deliver them to a trusted and to an untrusted peer.
// Contract: nothing throws; who the client is is always an address; an
// address read is the one its text names (read again, it is the same); a
// LAN port opens only to addresses on the LAN or trusted proxies, and never
// to forwarding from an untrusted peer.
//

#include "FuzzInput.h"
#include "net/ClientAddress.h"
#include "net/ForwardedHeaders.h"

using restream::host::AddressList;
using restream::host::ClientAddress;
using restream::host::ForwardedHeaders;

namespace {

const AddressList& trustedProxies()
{
	static const AddressList list("10.0.0.0/8, ::1, 172.16.0.1");
	return list;
}

const AddressList& lanNetworks()
{
	static const AddressList list("192.168.0.0/16, fc00::/7, 127.0.0.1");
	return list;
}

bool readsAsItself(const Poco::Net::IPAddress& address)
{
	Poco::Net::IPAddress again;
	return ForwardedHeaders::parseAddress(address.toString(), again) && again == address;
}

void checkClient(const ClientAddress& clients, const Poco::Net::IPAddress& peer, const Poco::Net::NameValueCollection& headers)
{
	Poco::Net::IPAddress client;
	FUZZ_CHECK(ForwardedHeaders::parseAddress(clients.of(peer, headers), client));

	std::string refused;
	const ClientAddress::Lan lan = clients.lan(peer, headers, refused);
	const bool forwarded = ForwardedHeaders::present(headers);
	if (forwarded && !trustedProxies().contains(peer)) FUZZ_CHECK(lan == ClientAddress::Lan::UntrustedForwarding);
	if (!forwarded) FUZZ_CHECK((lan == ClientAddress::Lan::Allowed) == lanNetworks().contains(peer));
	if (lan == ClientAddress::Lan::Outside)
	{
		Poco::Net::IPAddress outside;
		FUZZ_CHECK(ForwardedHeaders::parseAddress(refused, outside));
		FUZZ_CHECK(!lanNetworks().contains(outside) && !(forwarded && trustedProxies().contains(outside)));
	}
	if (lan == ClientAddress::Lan::Allowed && forwarded)
	{
		std::vector<Poco::Net::IPAddress> addresses;
		FUZZ_CHECK(ForwardedHeaders::all(headers, addresses));
		for (const auto& address : addresses) FUZZ_CHECK(lanNetworks().contains(address) || trustedProxies().contains(address));
	}
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	Poco::Net::NameValueCollection headers;
	for (const std::string& line : restreamfuzz::lines(restreamfuzz::text(data, size)))
	{
		const std::size_t colon = line.find(':');
		if (colon == std::string::npos) continue;
		const std::size_t value = line.find_first_not_of(' ', colon + 1);
		headers.add(line.substr(0, colon), value == std::string::npos ? std::string() : line.substr(value));
	}

	std::vector<Poco::Net::IPAddress> addresses;
	if (ForwardedHeaders::all(headers, addresses)) FUZZ_CHECK(!addresses.empty());
	for (const auto& address : addresses) FUZZ_CHECK(readsAsItself(address));
	for (const std::string& hop : ForwardedHeaders::chain(headers))
	{
		Poco::Net::IPAddress address;
		if (ForwardedHeaders::parseAddress(hop, address)) FUZZ_CHECK(readsAsItself(address));
	}

	static const ClientAddress clients(trustedProxies(), lanNetworks());
	for (const char* peer : {"10.1.2.3", "::1", "192.168.1.20", "203.0.113.7", "::ffff:10.0.0.9"})
		checkClient(clients, Poco::Net::IPAddress(peer), headers);
	return 0;
}
