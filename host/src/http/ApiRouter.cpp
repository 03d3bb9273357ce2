//
// ApiRouter.cpp
//

#include "http/ApiRouter.h"
#include "http/ErrorHandler.h"
#include "plugins/PluginGuard.h"
#include "http/RouteHandler.h"
#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <algorithm>
#include <set>

namespace restream::host {

namespace {

class OptionsHandler : public Poco::Net::HTTPRequestHandler
	/// OPTIONS on a known path: 204 with the methods it accepts, and the CORS
	/// preflight answer for an allowed origin.
{
public:
	OptionsHandler(std::string allow, const CorsPolicy& cors):
		_allow(std::move(allow)),
		_cors(cors)
	{
	}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		_cors.applyPreflight(request, response, _allow);
		response.set("Allow", _allow);
		response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
		response.setContentLength(0);
		response.send();
	}

private:
	const std::string _allow;
	const CorsPolicy& _cors;
};

class DocumentHandler : public Poco::Net::HTTPRequestHandler
	/// One of the router's documents.
{
public:
	DocumentHandler(const std::string& document, const char* contentType):
		_document(document),
		_contentType(contentType)
	{
	}

	void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override
	{
		response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
		response.setContentType(_contentType);
		response.set("Cache-Control", "no-cache");
		response.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
		response.setContentLength(static_cast<std::streamsize>(_document.size()));
		response.sendBuffer(_document.data(), _document.size());
	}

private:
	const std::string& _document;
	const char* _contentType;
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

ApiRouter::ApiRouter(const ServiceRegistry& registry, const CorsPolicy& cors, Poco::Logger& logger):
	_cors(cors),
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
	std::vector<ApiDocumentation::Route> documented = {
		{"GET", "/health", false, "Liveness of this port (every port answers it)", "host"},
		{"GET", "/docs", false, "This documentation, readable", "host"},
		{"GET", "/openapi.json", false, "This documentation, OpenAPI 3", "host"},
	};
	for (const auto& entry : _routes)
	{
		std::string summary;
		PluginGuard::call(_logger, entry.owner, "summary", [&] { summary = entry.route->summary(); });
		documented.push_back({entry.method, entry.path + (entry.prefix ? "*" : ""), entry.route->access() == ApiRoute::Access::Protected,
			summary, entry.owner});
	}
	_documentation.reset(new ApiDocumentation(documented));
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
	const bool reading = request.getMethod() == Poco::Net::HTTPRequest::HTTP_GET || request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD;
	if (reading && path == "/openapi.json") return new DocumentHandler(_documentation->openApi(), "application/json; charset=utf-8");
	if (reading && path == "/docs") return new DocumentHandler(_documentation->html(), "text/html; charset=utf-8");
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
		return new RouteHandler(bestPathOwner->owner, bestPathOwner->route, _authenticatorOwner, _authenticator, _cors, _logger);
	allowed.insert(Poco::Net::HTTPRequest::HTTP_OPTIONS);
	const std::string allow = Poco::cat(std::string(", "), allowed.begin(), allowed.end());
	if (method == Poco::Net::HTTPRequest::HTTP_OPTIONS) return new OptionsHandler(allow, _cors);
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

} // namespace restream::host
