//
// PortServer.cpp
//

#include "http/PortServer.h"
#include "http/PortConnectionFactory.h"
#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>

namespace restream::host {

PortServer::PortServer(const PortSettings& settings, std::shared_ptr<const Router> router, const ClientAddress& clients, Poco::Logger& logger):
	_settings(settings),
	_logger(logger),
	_pool("http-" + settings.name, settings.minThreads, settings.maxThreads, 60),
	_watchdog(settings.name, logger)
{
	Poco::Net::ServerSocket socket;
	const Poco::Net::SocketAddress address(_settings.address, static_cast<Poco::UInt16>(_settings.port));
	try
	{
		socket.bind(address, true);
		socket.listen(_settings.maxQueued);
	}
	catch (const Poco::Exception& exc)
	{
		throw Poco::Net::NetException("cannot listen on " + address.toString() + " for port " + _settings.name, exc);
	}
	_boundPort = socket.address().port();

	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setMaxThreads(_settings.maxThreads);
	params->setMaxQueued(_settings.maxQueued);
	// the dispatcher waits this long for work before it sees a stop: keep it short,
	// or stopping a port can hang (Poco 1.11 TCPServerDispatcher::stop() races the wait)
	params->setThreadIdleTime(Poco::Timespan(1, 0));
	params->setKeepAlive(_settings.keepAlive);
	params->setKeepAliveTimeout(_settings.keepAliveTimeout);
	params->setMaxKeepAliveRequests(_settings.maxKeepAliveRequests);
	params->setTimeout(_settings.readTimeout);
	params->setServerName("restream");
	params->setSoftwareVersion("restream");
	_server.reset(new Poco::Net::TCPServer(new PortConnectionFactory(_settings, params, std::move(router), clients, _watchdog, _logger),
		_pool, socket, params));
}

PortServer::~PortServer()
{
	stop();
}

void PortServer::start()
{
	_watchdog.start();
	_server->start();
}

void PortServer::stop()
{
	if (_stopped) return;
	_stopped = true;
	_server->stop();
	_watchdog.abortAll();
	_pool.joinAll();
	_watchdog.stop();
}

const PortSettings& PortServer::settings() const
{
	return _settings;
}

Poco::UInt16 PortServer::boundPort() const
{
	return _boundPort;
}

} // namespace restream::host
