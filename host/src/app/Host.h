//
// Host.h
//

#ifndef restream_host_Host_INCLUDED
#define restream_host_Host_INCLUDED

#include "http/ApiRouter.h"
#include "catalog/Catalog.h"
#include "live/StreamEngine.h"
#include "config/HostConfiguration.h"
#include "config/HostSettings.h"
#include "live/LiveState.h"
#include "plugins/PluginManager.h"
#include "http/PortServer.h"
#include "logging/Redactor.h"
#include "plugins/ServiceRegistry.h"
#include <atomic>
#include <memory>
#include <thread>
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class Host
	/// The restream host: resolves the state directory, loads and starts the
	/// plugins, and serves each configured HTTP port with its owner's
	/// handler factory (the API router for "host"). The same host with
	/// other configuration runs any subset of the ports.
	///
	/// Shutdown order, fixed (stop() and the destructor): HTTP servers
	/// (stop accepting, end connections, join threads, destroy them and the
	/// factories), then the plugin services (the registry drops them), then
	/// the plugins in reverse start order, then the libraries.
	///
	/// Threads: start() and stop() from one thread. The configuration and
	/// redactor must outlive the host.
{
public:
	Host(HostConfiguration& configuration, Redactor& redactor, const std::string& defaultPluginDirectory);
		/// Declares the host's own settings.
	~Host();

	void start();
		/// Starts everything. Throws a Poco::Exception for what the host cannot
		/// run without: a bad setting, a state directory it cannot create, a
		/// port it cannot bind. Plugin failures are logged, never thrown.

	void stop();
		/// Stops everything in the fixed order. Idempotent.

	Poco::UInt16 boundPort(const std::string& portName) const;
		/// The port a configured port listens on (useful when configured 0),
		/// or 0 if that port is not served.

	const std::string& stateDirectory() const;
	ServiceRegistry& registry();
		/// The service registry (tests reach plugin services through it).

private:
	void declarePortSettings(const std::string& portName);
	PortSettings readPortSettings(const std::string& portName) const;
	void startEngine();
	void startPorts();
	std::string corsOrigins() const;

	HostConfiguration& _configuration;
	Redactor& _redactor;
	Poco::Logger& _logger;
	std::string _stateDirectory;
	std::unique_ptr<HostSettings> _settings;
	ServiceRegistry _registry;
	std::shared_ptr<Catalog> _catalog;                // holds the active source: released with the registry
	std::unique_ptr<LiveState> _liveState;
	std::shared_ptr<StreamEngine> _engine;            // holds sinks and producers of plugins: stopped before them
	std::atomic<bool> _restoreCancelled{false};
	std::thread _restorer;                            // brings back the channels live before a restart
	PluginManager _plugins;                           // destroyed after the servers
	std::vector<std::unique_ptr<PortServer>> _ports;  // destroyed first
	bool _started = false;
	bool _stopped = false;
};

} // namespace restream::host

#endif // restream_host_Host_INCLUDED
