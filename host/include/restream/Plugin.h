//
// Plugin.h
//
// The lifecycle every plugin shares.
//

#ifndef restream_Plugin_INCLUDED
#define restream_Plugin_INCLUDED

#include "restream/Setting.h"
#include "restream/Version.h"
#include <vector>

namespace restream {

class PluginContext;

class RESTREAM_API Plugin
	/// The root class of a plugin library, exported with RESTREAM_PLUGIN.
	///
	/// Lifecycle, driven by the host, one call at a time (never concurrently):
	///   1. the host creates the plugin through the ClassLoader manifest;
	///   2. settings() is read, then start(context) is called once;
	///   3. at shutdown, after the HTTP servers have stopped and the registry
	///      has dropped every service, stop() is called once (in reverse
	///      start order), then the plugin is deleted and only then its
	///      library unloaded.
	/// stop() is called only if start() returned normally.
	///
	/// Errors: start() reports failure by throwing (a Poco::Exception with a
	/// message for a human preferably); the host logs it with the plugin's
	/// name, isolates the plugin (its services are removed, it is not stopped)
	/// and runs on. stop() should not throw; if it does, the host logs it and
	/// goes on. Neither may block for long: the host gives each call a
	/// deadline and abandons a plugin that misses it.
{
public:
	virtual ~Plugin() = default;

	virtual std::vector<Setting> settings() const;
		/// The keys of the plugin's configuration section, with defaults.
		/// Called before start(). The default declares none.

	virtual void start(PluginContext& context) = 0;
		/// Starts the plugin. The context, and everything reached through
		/// it, stays valid until stop() returns. Register services here.

	virtual void stop() = 0;
		/// Stops the plugin: ends its threads and releases every service it
		/// found in the registry. Called once.
};

inline std::vector<Setting> Plugin::settings() const
{
	return {};
}

} // namespace restream

#endif // restream_Plugin_INCLUDED
