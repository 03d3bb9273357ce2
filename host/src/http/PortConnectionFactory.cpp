//
// PortConnectionFactory.cpp
//

#include "http/PortConnectionFactory.h"

namespace restream::host {

PortConnectionFactory::PortConnectionFactory(const PortSettings& settings, Poco::Net::HTTPServerParams::Ptr params,
	Poco::Net::HTTPRequestHandlerFactory::Ptr factory, RequestWatchdog& watchdog, Poco::Logger& logger):
	_settings(settings),
	_params(std::move(params)),
	_factory(std::move(factory)),
	_watchdog(watchdog),
	_logger(logger)
{
}

Poco::Net::TCPServerConnection* PortConnectionFactory::createConnection(const Poco::Net::StreamSocket& socket)
{
	return new PortConnection(socket, _settings, _params, _factory, _watchdog, _logger);
}

} // namespace restream::host
