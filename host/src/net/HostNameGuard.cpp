//
// HostNameGuard.cpp
//

#include "net/HostNameGuard.h"
#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <cctype>

namespace restream::host {

namespace {

const char* const LOCAL_SUFFIXES[] = {".local", ".lan", ".home.arpa", ".internal", ".localdomain"};

bool endsWith(const std::string& text, const std::string& suffix)
{
	return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isPort(const std::string& text)
{
	return !text.empty() && text.size() <= 5 && text.find_first_not_of("0123456789") == std::string::npos && std::stoul(text) <= 65535;
}

} // namespace

HostNameGuard::HostNameGuard(const std::string& allowedHosts)
{
	Poco::StringTokenizer entries(allowedHosts, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& entry : entries)
	{
		if (entry == "*")
		{
			_any = true;
			continue;
		}
		const std::string name = hostName(entry);
		if (name.empty() || name != Poco::toLower(entry))
			throw Poco::InvalidArgumentException("'" + entry + "' is not a host name (e.g. admin.example.org, without a port), nor *");
		_names.insert(name);
	}
}

bool HostNameGuard::allows(const std::string& hostHeader) const
{
	const std::string name = hostName(hostHeader);
	if (name.empty()) return false;
	if (_any || name == "localhost" || name.find('.') == std::string::npos || isIpAddress(name)) return true;
	for (const char* suffix : LOCAL_SUFFIXES)
	{
		if (endsWith(name, suffix)) return true;
	}
	return _names.count(name) > 0;
}

std::string HostNameGuard::hostName(const std::string& hostHeader)
{
	if (hostHeader.empty() || hostHeader.size() > 260) return "";
	std::string name = hostHeader;
	if (name.front() == '[')
	{
		const auto close = name.find(']');
		if (close == std::string::npos || close < 3) return "";
		if (name.find_first_not_of("0123456789abcdefABCDEF:.", 1) != close) return "";
		const std::string rest = name.substr(close + 1);
		if (!rest.empty() && (rest[0] != ':' || !isPort(rest.substr(1)))) return "";
		return Poco::toLower(name.substr(0, close + 1));
	}
	const auto colon = name.find(':');
	if (colon != std::string::npos)
	{
		if (!isPort(name.substr(colon + 1))) return "";
		name.erase(colon);
	}
	if (name.empty() || name.size() > 253 || name.front() == '.' || name.front() == '-') return "";
	for (const char c : name)
	{
		if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return "";
	}
	return Poco::toLower(name);
}

bool HostNameGuard::isIpAddress(const std::string& hostName)
{
	Poco::Net::IPAddress address;
	if (hostName.front() == '[') return hostName.back() == ']' && Poco::Net::IPAddress::tryParse(hostName.substr(1, hostName.size() - 2), address);
	// the dotted quad only: what a browser sends for an IPv4 URL, and no name can have a numeric last label
	return hostName.find_first_not_of("0123456789.") == std::string::npos && Poco::Net::IPAddress::tryParse(hostName, address) &&
		address.toString() == hostName;
}

} // namespace restream::host
