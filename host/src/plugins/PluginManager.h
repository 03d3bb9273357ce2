//
// PluginManager.h
//

#ifndef restream_host_PluginManager_INCLUDED
#define restream_host_PluginManager_INCLUDED

#include "config/HostConfiguration.h"
#include "logging/Redactor.h"
#include "plugins/HostPluginContext.h"
#include "plugins/ServiceRegistry.h"
#include "restream/Plugin.h"
#include <Poco/ClassLoader.h>
#include <Poco/Timespan.h>
#include <memory>
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class PluginManager
	/// Loads, starts, stops and unloads the plugins named in plugins.load.
	///
	/// Loading a library: its extern "C" descriptor is read first, before the
	/// ClassLoader manifest is touched; a plugin built for another API
	/// version or with another build signature is refused with one log line
	/// naming the plugin, its version and the host's, and the rest go on.
	/// Starting: each plugin's settings are declared, then the plugins are
	/// started in load order through the PluginGuard; one that throws or
	/// hangs is isolated (its services removed) and the others run.
	/// Shutdown: stopAll() in reverse start order, then unloadAll() deletes
	/// the plugin objects and only then unloads the libraries.
	///
	/// Threads: use from one thread. Owns the ClassLoader, the plugins and
	/// their contexts.
{
public:
	enum class State
	{
		Loaded,
		Started,
		Failed,
		Abandoned,
		Stopped
	};

	PluginManager(HostConfiguration& configuration, ServiceRegistry& registry, Poco::Logger& logger);
	~PluginManager();
		/// Stops and unloads whatever is still there.

	void load(const std::string& directory, const std::vector<std::string>& names);
		/// Loads and creates each named plugin from directory/<name><suffix>.
		/// Failures are logged; they never throw.

	void declareSettings(Redactor& redactor);
		/// Declares every loaded plugin's settings in the configuration (with
		/// full keys, typed), hands the values of secret settings to
		/// redactor, and reports keys of a plugin's section that it does not
		/// declare. The values are checked by the caller
		/// (HostConfiguration::problems()).

	void startAll(const HostServices& services, const std::string& stateDirectory, const Poco::Timespan& deadline);
		/// Starts the loaded plugins in load order.

	void stopAll(const Poco::Timespan& deadline);
		/// Stops the started plugins in reverse start order.

	void unloadAll();
		/// Deletes the plugin objects and contexts, then unloads the libraries
		/// (except those of abandoned plugins).

private:
	struct Loaded
	{
		std::string name;
		std::string version;
		std::string path;
		State state = State::Loaded;
		std::unique_ptr<Plugin> plugin;
		std::unique_ptr<HostPluginContext> context;
	};

	static void keepForever(Loaded&& abandoned);
		/// Keeps an abandoned plugin and its context alive until the process ends.

	bool checkDescriptor(const std::string& name, const std::string& path, std::string& version);

	HostConfiguration& _configuration;
	ServiceRegistry& _registry;
	Poco::Logger& _logger;
	Poco::ClassLoader<Plugin> _loader; // declared before _plugins: destroyed after them
	std::vector<Loaded> _plugins;
	std::vector<std::size_t> _startOrder;
};

} // namespace restream::host

#endif // restream_host_PluginManager_INCLUDED
