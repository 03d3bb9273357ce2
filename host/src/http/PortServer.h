//
// PortServer.h
//

#ifndef restream_host_PortServer_INCLUDED
#define restream_host_PortServer_INCLUDED

#include "http/PortSettings.h"
#include "http/RequestWatchdog.h"
#include "http/Router.h"
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>
#include <memory>

namespace Poco {
class Logger;
}

namespace restream::host {

class PortServer
	/// One configured HTTP port: its listening socket, its own thread pool,
	/// its request watchdog and a Poco TCPServer running PortConnections that
	/// ask the port's Router. Holds the router (and through it the routes of
	/// plugins), so it must be destroyed before those plugins stop.
	/// Threads: start() and stop() from one thread.
{
public:
	PortServer(const PortSettings& settings, std::shared_ptr<const Router> router, const ClientAddress& clients, Poco::Logger& logger);
		/// Binds the socket. Throws Poco::Net::NetException naming the address
		/// when it cannot.
	~PortServer();

	void start();
	void stop();
		/// Stops accepting, ends every open connection (idle keep-alive ones
		/// too) and waits for the worker threads. Idempotent.

	const PortSettings& settings() const;
	Poco::UInt16 boundPort() const;

private:
	PortSettings _settings;
	Poco::Logger& _logger;
	Poco::ThreadPool _pool;
	RequestWatchdog _watchdog;
	Poco::UInt16 _boundPort = 0;
	std::unique_ptr<Poco::Net::TCPServer> _server;
	bool _stopped = false;
};

} // namespace restream::host

#endif // restream_host_PortServer_INCLUDED
