//
// HostAllowlist.cpp
//

#include "HostAllowlist.h"
#include "RequestOrigin.h"
#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace restream {
namespace admin {

namespace {

const char* const LOCAL_SUFFIXES[] = {".local", ".lan", ".home.arpa", ".internal", ".localdomain"};

bool endsWith(const std::string& text, const std::string& suffix)
{
	return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

HostAllowlist::HostAllowlist(const std::string& allowedHosts)
{
	Poco::StringTokenizer entries(allowedHosts, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& entry : entries)
	{
		if (entry == "*")
		{
			_any = true;
			continue;
		}
		const std::string name = RequestOrigin::hostName(entry);
		if (name.empty() || name != Poco::toLower(entry))
			throw Poco::InvalidArgumentException("'" + entry + "' is not a host name (e.g. admin.example.org, without a port), nor *");
		_names.insert(name);
	}
}

bool HostAllowlist::allows(const std::string& hostName) const
{
	if (hostName.empty()) return false;
	if (_any || hostName == "localhost" || hostName.find('.') == std::string::npos || isIpAddress(hostName)) return true;
	for (const char* suffix : LOCAL_SUFFIXES)
	{
		if (endsWith(hostName, suffix)) return true;
	}
	return _names.count(hostName) > 0;
}

bool HostAllowlist::isIpAddress(const std::string& hostName)
{
	Poco::Net::IPAddress address;
	if (hostName.front() == '[') return hostName.back() == ']' && Poco::Net::IPAddress::tryParse(hostName.substr(1, hostName.size() - 2), address);
	// the dotted quad only: what a browser sends for an IPv4 URL, and no name can have a numeric last label
	return hostName.find_first_not_of("0123456789.") == std::string::npos && Poco::Net::IPAddress::tryParse(hostName, address) &&
		address.toString() == hostName;
}

} // namespace admin
} // namespace restream
