//
// CorsPolicy.cpp
//

#include "http/CorsPolicy.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

namespace restream::host {

CorsPolicy::CorsPolicy(const std::string& origins)
{
	Poco::StringTokenizer entries(origins, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& entry : entries)
	{
		const std::string origin = originOf(entry);
		if (!origin.empty()) _origins.insert(origin);
	}
}

std::string CorsPolicy::originOf(const std::string& url)
{
	try
	{
		const Poco::URI uri(url);
		if (uri.getScheme().empty() || uri.getHost().empty()) return "";
		const std::string scheme = Poco::toLower(uri.getScheme());
		std::string origin = scheme + "://" + Poco::toLower(uri.getHost());
		const bool defaultPort = (scheme == "http" && uri.getPort() == 80) || (scheme == "https" && uri.getPort() == 443);
		if (!defaultPort) origin += ":" + std::to_string(uri.getPort());
		return origin;
	}
	catch (const Poco::SyntaxException&)
	{
		return "";
	}
}

bool CorsPolicy::allows(const std::string& origin) const
{
	return !origin.empty() && _origins.count(originOf(origin)) > 0;
}

void CorsPolicy::answer(const std::string& origin, RouteResponse::Headers& headers) const
{
	if (!allows(origin)) return;
	headers.emplace_back("Access-Control-Allow-Origin", origin);
	headers.emplace_back("Vary", "Origin");
}

void CorsPolicy::preflight(const std::string& origin, const std::string& allow, RouteResponse::Headers& headers) const
{
	if (!allows(origin)) return;
	answer(origin, headers);
	headers.emplace_back("Access-Control-Allow-Methods", allow);
	headers.emplace_back("Access-Control-Allow-Headers", "Authorization, Content-Type");
	headers.emplace_back("Access-Control-Max-Age", "600");
}

} // namespace restream::host
