//
// GuardedRequestHandler.cpp
//

#include "http/GuardedRequestHandler.h"
#include "plugins/PluginGuard.h"
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace restream::host {

GuardedRequestHandler::GuardedRequestHandler(std::string plugin, Poco::Net::HTTPRequestHandler* handler, Poco::Logger& logger):
	_plugin(std::move(plugin)),
	_handler(handler),
	_logger(logger)
{
}

GuardedRequestHandler::~GuardedRequestHandler()
{
	PluginGuard::call(_logger, _plugin, "request handler destruction", [this] { delete _handler; });
}

void GuardedRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	PluginGuard::dispatch(_logger, _plugin, request.getMethod() + " " + request.getURI(), response,
		[&] { _handler->handleRequest(request, response); });
}

} // namespace restream::host
