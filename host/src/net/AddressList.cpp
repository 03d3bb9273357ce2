//
// AddressList.cpp
//

#include "net/AddressList.h"
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <cstring>

namespace restream::host {

AddressList::AddressList(const std::string& text)
{
	Poco::StringTokenizer entries(text, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& entry : entries)
	{
		if (Poco::icompare(entry, "any") == 0)
		{
			_any = true;
			continue;
		}
		const auto slash = entry.find('/');
		Poco::Net::IPAddress address;
		if (!parse(entry.substr(0, slash), address))
			throw Poco::InvalidArgumentException("'" + entry + "' is not an IP address or network (e.g. 192.168.0.0/16, fc00::/7 or any)");
		address = unmapped(address);
		const unsigned bits = address.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
		unsigned prefix = bits;
		if (slash != std::string::npos &&
			(!Poco::NumberParser::tryParseUnsigned(entry.substr(slash + 1), prefix) || prefix > bits ||
				entry.substr(slash + 1).find_first_not_of("0123456789") != std::string::npos))
			throw Poco::InvalidArgumentException("'" + entry + "' has no valid prefix length (0 to " + std::to_string(bits) + ")");
		if (prefix == 0) _any = true;
		_networks.push_back({address, prefix});
	}
}

bool AddressList::contains(const Poco::Net::IPAddress& candidate) const
{
	if (_any) return true;
	const Poco::Net::IPAddress address = unmapped(candidate);
	const auto* bytes = static_cast<const unsigned char*>(address.addr());
	for (const auto& network : _networks)
	{
		if (network.address.family() != address.family()) continue;
		const auto* networkBytes = static_cast<const unsigned char*>(network.address.addr());
		const unsigned whole = network.prefix / 8;
		const unsigned rest = network.prefix % 8;
		if (std::memcmp(bytes, networkBytes, whole) != 0) continue;
		const auto mask = static_cast<unsigned char>(0xFF << (8 - rest));
		if (rest == 0 || ((bytes[whole] ^ networkBytes[whole]) & mask) == 0) return true;
	}
	return false;
}

bool AddressList::contains(const std::string& text) const
{
	Poco::Net::IPAddress address;
	return parse(Poco::trim(text), address) && contains(address);
}

bool AddressList::empty() const
{
	return !_any && _networks.empty();
}

bool AddressList::parse(const std::string& text, Poco::Net::IPAddress& address)
{
	if (Poco::Net::IPAddress::tryParse(text, address)) return true;
	if (text != "::") return false;
	address = Poco::Net::IPAddress(Poco::Net::IPAddress::IPv6); // Poco 1.11's tryParse refuses the unspecified address
	return true;
}

Poco::Net::IPAddress AddressList::unmapped(const Poco::Net::IPAddress& address)
{
	if (address.family() == Poco::Net::IPAddress::IPv6 && address.isIPv4Mapped())
	{
		const auto* bytes = static_cast<const unsigned char*>(address.addr());
		return Poco::Net::IPAddress(bytes + 12, 4);
	}
	return address;
}

} // namespace restream::host
