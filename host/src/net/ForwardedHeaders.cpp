//
// ForwardedHeaders.cpp
//

#include "net/ForwardedHeaders.h"
#include "net/AddressList.h"
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace restream::host {

namespace {

bool isPort(const std::string& text)
{
	return !text.empty() && text.size() <= 5 && text.find_first_not_of("0123456789") == std::string::npos && std::stoul(text) <= 65535;
}

bool isDottedQuad(const std::string& text)
{
	int parts = 0;
	std::size_t start = 0;
	for (;;)
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
	for (;;)
	{
		const auto comma = list.find(',', start);
		const std::string hop = Poco::trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
		if (!hop.empty())
		{
			Poco::Net::IPAddress address;
			if (!ForwardedHeaders::parseAddress(hop, address)) return false;
			addresses.push_back(address);
		}
		if (comma == std::string::npos) return true;
		start = comma + 1;
	}
}

bool readForwardedPair(const std::string& pair, std::vector<Poco::Net::IPAddress>& addresses)
	/// One name=value of a Forwarded element; only for= names a client.
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
	if (!ForwardedHeaders::parseAddress(value, address)) return false; // "unknown" and "_hidden": the client is unknown
	addresses.push_back(address);
	return true;
}

bool readForwarded(const std::string& header, std::vector<Poco::Net::IPAddress>& addresses)
	/// Forwarded: elements separated by ',', pairs by ';'; a quoted value may hold either.
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

bool readSingle(const std::string& value, std::vector<Poco::Net::IPAddress>& addresses)
{
	Poco::Net::IPAddress address;
	if (!ForwardedHeaders::parseAddress(value, address)) return false;
	addresses.push_back(address);
	return true;
}

bool readHeader(const std::string& name, const std::string& value, std::vector<Poco::Net::IPAddress>& addresses)
{
	if (Poco::icompare(name, "X-Forwarded-For") == 0) return readList(value, addresses);
	if (Poco::icompare(name, "Forwarded") == 0) return readForwarded(value, addresses);
	return readSingle(value, addresses);
}

} // namespace

const char* const ForwardedHeaders::NAMES[4] = {"X-Forwarded-For", "Forwarded", "X-Real-IP", "CF-Connecting-IP"};

bool ForwardedHeaders::present(const Poco::Net::NameValueCollection& headers)
{
	for (const char* name : NAMES)
	{
		if (headers.has(name)) return true;
	}
	return false;
}

bool ForwardedHeaders::all(const Poco::Net::NameValueCollection& headers, std::vector<Poco::Net::IPAddress>& addresses)
{
	const std::size_t before = addresses.size();
	for (const char* name : NAMES)
	{
		for (const auto& value : valuesOf(headers, name))
		{
			if (!readHeader(name, value, addresses)) return false;
		}
	}
	return addresses.size() > before;
}

std::vector<std::string> ForwardedHeaders::chain(const Poco::Net::NameValueCollection& headers)
{
	std::vector<std::string> hops;
	for (const char* name : NAMES)
	{
		for (const auto& value : valuesOf(headers, name))
		{
			if (Poco::icompare(std::string(name), "X-Forwarded-For") == 0)
			{
				Poco::StringTokenizer list(value, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
				hops.insert(hops.end(), list.begin(), list.end());
			}
			else if (Poco::icompare(std::string(name), "Forwarded") == 0)
			{
				std::vector<Poco::Net::IPAddress> addresses;
				if (!readForwarded(value, addresses))
				{
					hops.emplace_back(); // an element that cannot be read: nothing before it can be placed
					continue;
				}
				for (const auto& address : addresses) hops.push_back(address.toString());
			}
			else
			{
				hops.push_back(Poco::trim(value));
			}
		}
		if (!hops.empty()) return hops;
	}
	return hops;
}

bool ForwardedHeaders::parseAddress(const std::string& text, Poco::Net::IPAddress& address)
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
	// IPv4-compatible (::a.b.c.d): deprecated, no client has one, and Poco writes ::0.0.0.2 as "::"
	if (parsed.family() == Poco::Net::IPAddress::IPv6 && parsed.isIPv4Compatible() && !parsed.isLoopback()) return false;
	address = AddressList::unmapped(parsed);
	return true;
}

} // namespace restream::host
