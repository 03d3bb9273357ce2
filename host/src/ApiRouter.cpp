//
// ApiRouter.cpp
//

#include "ApiRouter.h"
#include "ErrorHandler.h"
#include "RouteHandler.h"
#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <algorithm>
#include <set>

namespace restream {

namespace {

class OptionsHandler : public Poco::Net::HTTPRequestHandler
	/// OPTIONS on a known path: 204 with the methods it accepts.
{
public:
	explicit OptionsHandler(std::string allow):
		_allow(std::move(allow))
	{
	}

	void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override
	{
		response.set("Allow", _allow);
		response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
		response.setContentLength(0);
		response.send();
	}

private:
	const std::string _allow;
};

class MethodNotAllowedHandler : public ErrorHandler
	/// 405 with Allow.
{
public:
	explicit MethodNotAllowedHandler(std::string allow):
		ErrorHandler(Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "Method not allowed"),
		_allow(std::move(allow))
	{
	}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		response.set("Allow", _allow);
		ErrorHandler::handleRequest(request, response);
	}

private:
	const std::string _allow;
};

} // namespace

ApiRouter::ApiRouter(const ServiceRegistry& registry, Poco::Logger& logger):
	_logger(logger)
{
	for (const auto& owned : registry.ownedWithRole<ApiRoute>())
	{
		Entry entry;
		entry.owner = owned.first;
		entry.route = owned.second;
		entry.method = Poco::toUpper(entry.route->method());
		entry.path = entry.route->path();
		entry.prefix = !entry.path.empty() && entry.path.back() == '*';
		if (entry.prefix) entry.path.pop_back();
		if (entry.path.empty() || entry.path[0] != '/')
		{
			_logger.error("plugin %s: route path '%s' does not start with '/'; refused", entry.owner, entry.route->path());
			continue;
		}
		const bool duplicate = std::any_of(_routes.begin(), _routes.end(), [&](const Entry& other) {
			return other.method == entry.method && other.path == entry.path && other.prefix == entry.prefix;
		});
		if (duplicate)
		{
			_logger.error("plugin %s: route %s %s is already served; refused", entry.owner, entry.method, entry.route->path());
			continue;
		}
		_routes.push_back(entry);
	}
	const auto authenticators = registry.ownedWithRole<Authenticator>();
	if (!authenticators.empty())
	{
		_authenticatorOwner = authenticators.front().first;
		_authenticator = authenticators.front().second;
	}
	else
	{
		_logger.warning("no authenticator is running: protected API routes answer 503");
	}
}

Poco::Net::HTTPRequestHandler* ApiRouter::createRequestHandler(const Poco::Net::HTTPServerRequest& request, const std::string& path) const
{
	// the exact path first, then the longest prefix
	const Entry* bestPathOwner = nullptr;
	std::vector<const Entry*> candidates;
	for (const auto& entry : _routes)
	{
		if (!entry.prefix && entry.path == path) candidates.push_back(&entry);
	}
	if (candidates.empty())
	{
		std::size_t longest = 0;
		for (const auto& entry : _routes)
		{
			if (entry.prefix && path.compare(0, entry.path.size(), entry.path) == 0 && entry.path.size() >= longest)
			{
				if (entry.path.size() > longest) candidates.clear();
				longest = entry.path.size();
				candidates.push_back(&entry);
			}
		}
	}
	if (candidates.empty()) return new ErrorHandler(Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "Not Found");

	std::string method = request.getMethod();
	if (method == Poco::Net::HTTPRequest::HTTP_HEAD) method = Poco::Net::HTTPRequest::HTTP_GET;
	std::set<std::string> allowed;
	for (const Entry* entry : candidates)
	{
		allowed.insert(entry->method);
		if (entry->method == Poco::Net::HTTPRequest::HTTP_GET) allowed.insert(Poco::Net::HTTPRequest::HTTP_HEAD);
		if (entry->method == method) bestPathOwner = entry;
	}
	if (bestPathOwner)
		return new RouteHandler(bestPathOwner->owner, bestPathOwner->route, _authenticatorOwner, _authenticator, _logger);
	allowed.insert(Poco::Net::HTTPRequest::HTTP_OPTIONS);
	const std::string allow = Poco::cat(std::string(", "), allowed.begin(), allowed.end());
	if (method == Poco::Net::HTTPRequest::HTTP_OPTIONS) return new OptionsHandler(allow);
	return new MethodNotAllowedHandler(allow);
}

std::vector<std::string> ApiRouter::describeRoutes() const
{
	std::vector<std::string> lines;
	for (const auto& entry : _routes)
	{
		lines.push_back(entry.method + " " + entry.path + (entry.prefix ? "*" : "") + " (" + entry.owner +
			(entry.route->access() == ApiRoute::Access::Protected ? ", protected)" : ")"));
	}
	return lines;
}

} // namespace restream
