//
// AdminPlugin.h
//
// The ui-admin plugin: the administration site on the admin port.
//

#ifndef restream_admin_AdminPlugin_INCLUDED
#define restream_admin_AdminPlugin_INCLUDED

#include "restream/Plugin.h"

namespace restream {
namespace admin {

class AdminPlugin : public Plugin
	/// Registers the PortHandlerFactory "ui-admin", which serves the whole
	/// admin port (AdminSite): sign-in, the dashboard and its JSON endpoints,
	/// all through the REST API at apiUrl as a client of it. Pages, script
	/// and style (Bootstrap and hls.js bundled in) are embedded at build time.
	///
	/// start() refuses settings that do not parse (an apiUrl that is not an
	/// absolute http(s) URL, a network or host list with a typo, a timeout
	/// out of range), naming the key.
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<Setting> settings() const override;
	void start(PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the factory before stop().
};

} // namespace admin
} // namespace restream

#endif // restream_admin_AdminPlugin_INCLUDED
