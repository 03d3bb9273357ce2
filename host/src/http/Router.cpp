//
// Router.cpp
//

#include "http/Router.h"
#include "plugins/PluginGuard.h"
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <algorithm>
#include <set>

namespace restream::host {

namespace {

std::string lanRefusal(ClientAddress::Lan verdict, const std::string& refused)
{
	switch (verdict)
	{
	case ClientAddress::Lan::UntrustedForwarding:
		return "This page is for the local network only, and this request came through a proxy that is not trusted (http.trustedProxies)";
	case ClientAddress::Lan::UnreadableForwarding:
		return "This page is for the local network only, and the proxy did not say who the client is";
	case ClientAddress::Lan::Outside:
		return "This page is for the local network only; " + refused + " is not on it (http.lanNetworks)";
	case ClientAddress::Lan::Allowed: break;
	}
	return "";
}

} // namespace

Router::Router(std::string port, bool lanOnly, const std::vector<Owned>& routes,
	std::pair<std::string, std::shared_ptr<Authenticator>> authenticator, const ClientAddress& clients, const HostNameGuard& hostNames,
	std::unique_ptr<CorsPolicy> cors, Poco::Logger& logger):
	_port(std::move(port)),
	_lanOnly(lanOnly),
	_authenticator(std::move(authenticator)),
	_clients(clients),
	_hostNames(hostNames),
	_cors(std::move(cors)),
	_logger(logger)
{
	for (const auto& owned : routes)
	{
		Entry entry;
		entry.owner = owned.first;
		entry.route = owned.second;
		std::string routePort;
		if (!PluginGuard::call(_logger, entry.owner, "Route description", [&] {
				routePort = entry.route->port();
				entry.method = Poco::toUpper(entry.route->method());
				entry.path = entry.route->path();
				entry.isProtected = entry.route->access() == Route::Access::Protected;
			}))
			continue;
		if (routePort != _port) continue;
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
			_logger.error("plugin %s: route %s %s%s is already served on port %s; refused", entry.owner, entry.method, entry.path,
				std::string(entry.prefix ? "*" : ""), _port);
			continue;
		}
		_routes.push_back(entry);
	}
	const bool anyProtected = std::any_of(_routes.begin(), _routes.end(), [](const Entry& entry) { return entry.isProtected; });
	if (anyProtected && !_authenticator.second)
		_logger.warning("port %s: no authenticator is running, so its protected routes answer 503", _port);
}

Router::Target Router::route(RouteRequest& request, const Poco::Net::IPAddress& peer) const
{
	Target target;
	const bool reading = request.method == "GET" || request.method == "HEAD";
	if (request.path == "/health" && reading)
	{
		target.status = 200;
		return target;
	}
	if (_lanOnly)
	{
		std::string refused;
		const ClientAddress::Lan verdict = _clients.lan(peer, request.headers, refused);
		if (verdict != ClientAddress::Lan::Allowed)
		{
			_logger.warning("port %s: refused %s %s from %s: %s", _port, request.method, request.path, request.clientAddress,
				lanRefusal(verdict, refused));
			target.status = 403;
			target.detail = lanRefusal(verdict, refused);
			return target;
		}
		if (!_hostNames.allows(request.host))
		{
			target.status = 421;
			target.detail = "This page answers only local host names (an IP address, localhost, a single label, .local, .lan, "
				".home.arpa, .internal, .localdomain) or those in http.allowedHosts";
			return target;
		}
	}
	std::vector<const Entry*> candidates;
	const Entry* found = match(request.method, request.path, candidates);
	if (candidates.empty())
	{
		target.status = 404;
		target.detail = "Not Found";
		return target;
	}
	std::set<std::string> allowed;
	for (const Entry* entry : candidates)
	{
		allowed.insert(entry->method);
		if (entry->method == "GET") allowed.insert("HEAD");
	}
	allowed.insert("OPTIONS");
	const std::string allow = Poco::cat(std::string(", "), allowed.begin(), allowed.end());
	const std::string origin = request.header("Origin");
	if (!found)
	{
		target.headers.emplace_back("Allow", allow);
		if (request.method == "OPTIONS")
		{
			if (_cors) _cors->preflight(origin, allow, target.headers);
			target.status = 204;
			return target;
		}
		target.status = 405;
		target.detail = "Method not allowed";
		return target;
	}
	if (_cors && !found->isProtected && reading)
	{
		// what anyone may read without credentials, any page may read too (the public player reads /stream_status),
		// with one answer for every origin, so a cache keeps one copy
		target.headers.emplace_back("Access-Control-Allow-Origin", "*");
	}
	else if (_cors)
		_cors->answer(origin, target.headers);
	if (found->isProtected)
	{
		if (!_authenticator.second)
		{
			target.status = 503;
			target.detail = "No authenticator is running, so protected routes are unavailable; see the server log";
			return target;
		}
		request.caller = Identity();
		request.caller.reason = "Could not validate credentials";
		PluginGuard::call(_logger, _authenticator.first, "Authenticator::authenticate",
			[&] { request.caller = _authenticator.second->authenticate(request); });
		if (!request.caller.authenticated)
		{
			target.status = 401;
			target.detail = request.caller.reason.empty() ? "Not authenticated" : request.caller.reason;
			target.headers.emplace_back("WWW-Authenticate", "Bearer");
			return target;
		}
	}
	target.route = found->route;
	target.owner = found->owner;
	return target;
}

void Router::run(const Target& target, const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) const
{
	const bool handled = PluginGuard::call(_logger, target.owner, request.method + " " + request.path,
		[&] { target.route->handle(request, response); });
	if (!handled && response->isOpen()) response->sendError(500, "Internal error in " + target.owner + "; see the server log");
}

std::vector<std::string> Router::describe() const
{
	std::vector<std::string> lines;
	for (const auto& entry : _routes)
		lines.push_back(entry.method + " " + entry.path + (entry.prefix ? "*" : "") + " (" + entry.owner + (entry.isProtected ? ", protected)" : ")"));
	return lines;
}

const std::string& Router::port() const
{
	return _port;
}

const Router::Entry* Router::match(const std::string& method, const std::string& path, std::vector<const Entry*>& candidates) const
{
	// the exact path first, then the longest prefix
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
	const std::string wanted = method == "HEAD" ? "GET" : method;
	for (const Entry* entry : candidates)
	{
		if (entry->method == wanted) return entry;
	}
	return nullptr;
}

} // namespace restream::host
