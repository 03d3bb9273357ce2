//
// Host.h
//

#ifndef restream_host_Host_INCLUDED
#define restream_host_Host_INCLUDED

#include "catalog/CachedCatalog.h"
#include "catalog/LogoCache.h"
#include "config/HostConfiguration.h"
#include "http/HostPlaybackUrls.h"
#include "http/PortSettings.h"
#include "live/ChannelEngine.h"
#include "live/LiveState.h"
#include "logging/Redactor.h"
#include "net/ClientAddress.h"
#include "net/HostNameGuard.h"
#include "plugins/PluginManager.h"
#include "plugins/ServiceRegistry.h"
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class IoThreads;
class PortServer;

class Host
	/// The restream host: checks the configuration, loads and starts the
	/// plugins with the host's services (the channels and the program, the
	/// catalog, the playback URLs), and serves each configured HTTP port
	/// with the routes plugins and the host registered for it. The same host
	/// with other configuration runs any subset of the ports.
	///
	/// Shutdown order, fixed (stop() and the destructor): HTTP servers
	/// (stop accepting, end connections, join threads, drop the routers),
	/// then the engine (every upstream closed, every sink ended, the outputs
	/// released) and the catalog's source, then the registry's services,
	/// then the plugins in reverse start order, then the host's services
	/// themselves, then the libraries.
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
		/// run with: a setting that breaks its rule (every one is named), a
		/// state directory it cannot create, a port it cannot bind. Plugin
		/// failures are logged, never thrown.

	void stop();
		/// Stops everything in the fixed order. Idempotent.

	std::vector<Setting> settings();
		/// Loads the plugins (without starting them) and returns every
		/// declared setting, the host's and theirs, for `restream settings`.

	Poco::UInt16 boundPort(const std::string& portName) const;
		/// The port a configured port listens on (useful when configured 0),
		/// or 0 if that port is not served.

	const std::string& stateDirectory() const;
	ServiceRegistry& registry();
		/// The service registry (tests reach plugin services through it).
	ChannelEngine& engine();
		/// The live channels (tests drive them directly). Valid after start().

private:
	std::vector<std::string> portNames() const;
	void loadPlugins();
	PortSettings readPortSettings(const std::string& portName) const;
	void registerRoutes();
	void startPorts();
	std::string corsOrigins() const;

	HostConfiguration& _configuration;
	Redactor& _redactor;
	Poco::Logger& _logger;
	const std::string _defaultPluginDirectory;
	std::string _stateDirectory;
	ServiceRegistry _registry;
	PluginManager _plugins;                             // unloads its libraries last of all
	std::unique_ptr<CachedCatalog> _catalog;            // holds the active source while running
	std::unique_ptr<LogoCache> _logos;                  // channel logos for the admin
	std::unique_ptr<LiveState> _liveState;
	std::unique_ptr<ChannelEngine> _engine;             // holds outputs' sinks while running
	std::unique_ptr<HostPlaybackUrls> _playbackUrls;
	std::unique_ptr<ClientAddress> _clients;
	std::unique_ptr<HostNameGuard> _hostNames;
	std::atomic<bool> _restoreCancelled{false};
	std::thread _restorer;                              // brings back the program and pins after a restart
	std::unique_ptr<IoThreads> _io;                     // the ports' I/O threads, stopped after the ports
	std::vector<std::unique_ptr<PortServer>> _ports;    // stopped first
	bool _loaded = false;
	bool _started = false;
	bool _stopped = false;
};

} // namespace restream::host

#endif // restream_host_Host_INCLUDED
