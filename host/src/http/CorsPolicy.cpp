//
// CorsPolicy.cpp
//

#include "http/CorsPolicy.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
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

bool CorsPolicy::allowed(const Poco::Net::HTTPServerRequest& request) const
{
	const std::string origin = request.get("Origin", "");
	return !origin.empty() && _origins.count(originOf(origin)) > 0;
}

void CorsPolicy::apply(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) const
{
	if (!allowed(request)) return;
	response.set("Access-Control-Allow-Origin", request.get("Origin"));
	response.set("Vary", "Origin");
}

void CorsPolicy::applyPreflight(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const std::string& allow) const
{
	if (!allowed(request)) return;
	apply(request, response);
	response.set("Access-Control-Allow-Methods", allow);
	response.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
	response.set("Access-Control-Max-Age", "600");
}

} // namespace restream::host
