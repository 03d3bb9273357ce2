//
// PortDispatcher.cpp
//

#include "http/PortDispatcher.h"
#include "http/ErrorHandler.h"
#include "http/GuardedRequestHandler.h"
#include "http/HealthHandler.h"
#include "plugins/PluginGuard.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

namespace restream::host {

PortDispatcher::PortDispatcher(std::string portName, std::shared_ptr<const ApiRouter> router, Poco::Logger& logger):
	_portName(std::move(portName)),
	_owner("host"),
	_router(std::move(router)),
	_logger(logger)
{
}

PortDispatcher::PortDispatcher(std::string portName, std::string owner, std::shared_ptr<PortHandlerFactory> factory, Poco::Logger& logger):
	_portName(std::move(portName)),
	_owner(std::move(owner)),
	_factory(std::move(factory)),
	_logger(logger)
{
}

Poco::Net::HTTPRequestHandler* PortDispatcher::createRequestHandler(const Poco::Net::HTTPServerRequest& request)
{
	std::string path;
	try
	{
		path = Poco::URI(request.getURI()).getPath();
	}
	catch (const Poco::Exception&)
	{
		return new ErrorHandler(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "Malformed request URI");
	}
	if (path.empty() || path[0] != '/') return new ErrorHandler(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "Malformed request URI");
	const std::string& method = request.getMethod();
	if (path == "/health" && (method == Poco::Net::HTTPRequest::HTTP_GET || method == Poco::Net::HTTPRequest::HTTP_HEAD))
		return new HealthHandler(_portName);
	if (_router) return _router->createRequestHandler(request, path);
	if (!_factory)
	{
		return new ErrorHandler(Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
			"The " + _owner + " plugin that serves this port is not running; see the server log");
	}
	Poco::Net::HTTPRequestHandler* handler = nullptr;
	if (!PluginGuard::call(_logger, _owner, "createRequestHandler", [&] { handler = _factory->createRequestHandler(request); }))
		return new ErrorHandler(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "internal error in " + _owner);
	if (!handler) return new ErrorHandler(Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "Not Found");
	return new GuardedRequestHandler(_owner, handler, _logger);
}

} // namespace restream::host
