//
// RouteHandler.cpp
//

#include "http/RouteHandler.h"
#include "plugins/PluginGuard.h"
#include "restream/JsonResponse.h"
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace restream::host {

RouteHandler::RouteHandler(std::string owner, std::shared_ptr<ApiRoute> route, std::string authenticatorOwner,
	std::shared_ptr<Authenticator> authenticator, const CorsPolicy& cors, Poco::Logger& logger):
	_owner(std::move(owner)),
	_route(std::move(route)),
	_authenticatorOwner(std::move(authenticatorOwner)),
	_authenticator(std::move(authenticator)),
	_cors(cors),
	_logger(logger)
{
}

void RouteHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	_cors.apply(request, response);
	const bool publicRead = _route->access() == ApiRoute::Access::Public
		&& (request.getMethod() == Poco::Net::HTTPRequest::HTTP_GET || request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD);
	if (publicRead && !response.has("Access-Control-Allow-Origin"))
	{
		// What anyone may read without credentials, any page may read too: the public player
		// needs /stream_status from wherever it is served.
		response.set("Access-Control-Allow-Origin", "*");
	}
	Identity caller;
	if (_route->access() == ApiRoute::Access::Protected)
	{
		if (!_authenticator)
		{
			JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
				"No authenticator is running, so protected routes are unavailable; see the server log");
			return;
		}
		caller.reason = "Could not validate credentials";
		PluginGuard::call(_logger, _authenticatorOwner, "authenticate", [&] { caller = _authenticator->authenticate(request); });
		if (!caller.authenticated)
		{
			response.set("WWW-Authenticate", "Bearer");
			JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED,
				caller.reason.empty() ? "Not authenticated" : caller.reason);
			return;
		}
	}
	PluginGuard::dispatch(_logger, _owner, request.getMethod() + " " + _route->path(), response,
		[&] { _route->handleRequest(request, response, caller); });
}

} // namespace restream::host
