//
// AdminPlugin.h
//
// The ui-admin plugin: the administration site on the admin port.
//

#ifndef uiadmin_AdminPlugin_INCLUDED
#define uiadmin_AdminPlugin_INCLUDED

#include "restream/Plugin.h"

namespace uiadmin {

class AdminPlugin : public restream::Plugin
	/// Registers the routes of the admin port (AdminRoutes): sign-in, the
	/// dashboard and its JSON endpoints, all through the REST API as a
	/// client of it: the same process's API unless apiUrl names another.
	/// Pages, script and style (Bootstrap and hls.js bundled in) are
	/// embedded at build time. Who may reach the port at all (the LAN, the
	/// host names) is the host's rule for LAN-only ports.
	/// Threads: start() and stop() from the host's main thread.
	/// Errors: start() throws when the embedded pages are broken.
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the routes before stop().
};

} // namespace uiadmin

#endif // uiadmin_AdminPlugin_INCLUDED
