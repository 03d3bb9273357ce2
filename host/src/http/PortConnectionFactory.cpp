//
// PortConnectionFactory.cpp
//

#include "http/PortConnectionFactory.h"

namespace restream::host {

PortConnectionFactory::PortConnectionFactory(const PortSettings& settings, Poco::Net::HTTPServerParams::Ptr params,
	std::shared_ptr<const Router> router, const ClientAddress& clients, RequestWatchdog& watchdog, Poco::Logger& logger):
	_settings(settings),
	_params(std::move(params)),
	_router(std::move(router)),
	_clients(clients),
	_watchdog(watchdog),
	_logger(logger)
{
}

Poco::Net::TCPServerConnection* PortConnectionFactory::createConnection(const Poco::Net::StreamSocket& socket)
{
	return new PortConnection(socket, _settings, _params, _router, _clients, _watchdog, _logger);
}

} // namespace restream::host
