//
// ForwardedAddresses.cpp
//

#include "ForwardedAddresses.h"
#include "NetworkList.h"
#include <Poco/String.h>

namespace restream {
namespace admin {

namespace {

const char* const HEADERS[] = {"CF-Connecting-IP", "X-Real-IP", "X-Forwarded-For", "Forwarded"};

bool isPort(const std::string& text)
{
	return !text.empty() && text.size() <= 5 && text.find_first_not_of("0123456789") == std::string::npos && std::stoul(text) <= 65535;
}

bool isDottedQuad(const std::string& text)
{
	int parts = 0;
	std::size_t start = 0;
	while (true)
	{
		const auto dot = text.find('.', start);
		const std::string part = text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
		if (part.empty() || part.size() > 3 || part.find_first_not_of("0123456789") != std::string::npos || std::stoul(part) > 255) return false;
		++parts;
		if (dot == std::string::npos) break;
		start = dot + 1;
	}
	return parts == 4;
}

std::vector<std::string> valuesOf(const Poco::Net::NameValueCollection& headers, const std::string& name)
{
	std::vector<std::string> values;
	for (const auto& header : headers)
	{
		if (Poco::icompare(header.first, name) == 0) values.push_back(header.second);
	}
	return values;
}

bool readList(const std::string& list, std::vector<Poco::Net::IPAddress>& addresses)
	/// X-Forwarded-For: comma-separated addresses; empty hops name nobody.
{
	std::size_t start = 0;
	while (start <= list.size())
	{
		const auto comma = list.find(',', start);
		const std::string hop = Poco::trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
		if (!hop.empty())
		{
			Poco::Net::IPAddress address;
			if (!ForwardedAddresses::parse(hop, address)) return false;
			addresses.push_back(address);
		}
		if (comma == std::string::npos) break;
		start = comma + 1;
	}
	return true;
}

bool readForwardedPair(const std::string& pair, std::vector<Poco::Net::IPAddress>& addresses)
	/// One name=value of a Forwarded header; only for= names a client.
{
	const auto equals = pair.find('=');
	if (equals == std::string::npos) return false;
	if (Poco::icompare(Poco::trim(pair.substr(0, equals)), "for") != 0) return true;
	std::string value = Poco::trim(pair.substr(equals + 1));
	if (!value.empty() && value.front() == '"')
	{
		if (value.size() < 2 || value.back() != '"') return false;
		std::string unquoted;
		for (std::size_t i = 1; i + 1 < value.size(); ++i)
		{
			if (value[i] == '\\' && i + 2 < value.size()) ++i;
			unquoted += value[i];
		}
		value = unquoted;
	}
	Poco::Net::IPAddress address;
	if (!ForwardedAddresses::parse(value, address)) return false; // "unknown" and "_hidden" too: the client is unknown
	addresses.push_back(address);
	return true;
}

bool readForwarded(const std::string& header, std::vector<Poco::Net::IPAddress>& addresses)
	/// Forwarded: elements separated by ',', pairs by ';', a quoted value may hold either.
{
	std::string pair;
	bool quoted = false;
	for (std::size_t i = 0; i <= header.size(); ++i)
	{
		const char c = i < header.size() ? header[i] : ',';
		if (quoted && c == '\\' && i + 1 < header.size())
		{
			pair += c;
			pair += header[++i];
			continue;
		}
		if (c == '"') quoted = !quoted;
		if (quoted || (c != ',' && c != ';'))
		{
			pair += c;
			continue;
		}
		if (!Poco::trim(pair).empty() && !readForwardedPair(pair, addresses)) return false;
		pair.clear();
	}
	return !quoted;
}

} // namespace

bool ForwardedAddresses::present(const Poco::Net::NameValueCollection& headers)
{
	for (const char* name : HEADERS)
	{
		if (headers.has(name)) return true;
	}
	return false;
}

bool ForwardedAddresses::read(const Poco::Net::NameValueCollection& headers, std::vector<Poco::Net::IPAddress>& addresses)
{
	const std::size_t before = addresses.size();
	for (const char* single : {"CF-Connecting-IP", "X-Real-IP"})
	{
		for (const auto& value : valuesOf(headers, single))
		{
			Poco::Net::IPAddress address;
			if (!parse(value, address)) return false;
			addresses.push_back(address);
		}
	}
	for (const auto& value : valuesOf(headers, "X-Forwarded-For"))
	{
		if (!readList(value, addresses)) return false;
	}
	for (const auto& value : valuesOf(headers, "Forwarded"))
	{
		if (!readForwarded(value, addresses)) return false;
	}
	return addresses.size() > before;
}

bool ForwardedAddresses::parse(const std::string& text, Poco::Net::IPAddress& address)
{
	std::string host = Poco::trim(text);
	if (host.empty()) return false;
	if (host.front() == '[')
	{
		const auto close = host.find(']');
		if (close == std::string::npos) return false;
		const std::string rest = host.substr(close + 1);
		if (!rest.empty() && (rest[0] != ':' || !isPort(rest.substr(1)))) return false;
		host = host.substr(1, close - 1);
		if (host.find(':') == std::string::npos) return false; // brackets hold IPv6 only
	}
	else if (host.find(':') != std::string::npos && host.find(':') == host.rfind(':'))
	{
		const auto colon = host.find(':');
		if (!isPort(host.substr(colon + 1))) return false;
		host.erase(colon);
	}
	if (host.find(':') == std::string::npos)
	{
		if (!isDottedQuad(host)) return false;
	}
	else if (host.find_first_not_of("0123456789abcdefABCDEF:.") != std::string::npos)
	{
		return false;
	}
	Poco::Net::IPAddress parsed;
	if (!Poco::Net::IPAddress::tryParse(host, parsed)) return false;
	address = NetworkList::unmapped(parsed);
	return true;
}

} // namespace admin
} // namespace restream
