//
// RequestOrigin.cpp
//

#include "RequestOrigin.h"
#include <Poco/String.h>
#include <cctype>

namespace uiadmin {

namespace {

bool isPort(const std::string& text)
{
	return !text.empty() && text.size() <= 5 && text.find_first_not_of("0123456789") == std::string::npos && std::stoul(text) <= 65535;
}

} // namespace

bool RequestOrigin::validHost(const std::string& host)
{
	if (host.empty() || host.size() > 260) return false;
	std::string name = host;
	if (name.front() == '[')
	{
		const auto close = name.find(']');
		if (close == std::string::npos || close < 3) return false;
		if (name.find_first_not_of("0123456789abcdefABCDEF:.", 1) != close) return false;
		const std::string rest = name.substr(close + 1);
		return rest.empty() || (rest[0] == ':' && isPort(rest.substr(1)));
	}
	const auto colon = name.find(':');
	if (colon != std::string::npos)
	{
		if (!isPort(name.substr(colon + 1))) return false;
		name.erase(colon);
	}
	if (name.empty() || name.size() > 253 || name.front() == '.' || name.front() == '-') return false;
	for (const char c : name)
	{
		if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
	}
	return true;
}

std::string RequestOrigin::origin(bool secure, const std::string& host)
{
	if (!validHost(host)) return "";
	return (secure ? "https://" : "http://") + Poco::toLower(host);
}

bool RequestOrigin::secure(const restream::RouteRequest& request)
{
	return Poco::icompare(Poco::trim(request.header("X-Forwarded-Proto")), "https") == 0;
}

std::string RequestOrigin::origin(const restream::RouteRequest& request)
{
	return origin(secure(request), request.host);
}

} // namespace uiadmin
