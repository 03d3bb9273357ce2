//
// PlayerPlugin.h
//
// The ui-player plugin: the public live player on the player port.
//

#ifndef uiplayer_PlayerPlugin_INCLUDED
#define uiplayer_PlayerPlugin_INCLUDED

#include "restream/Plugin.h"

namespace uiplayer {

class PlayerPlugin : public restream::Plugin
	/// Registers the routes of the player port (PlayerRoutes): the page, its
	/// script (hls.js bundled in) and style, all embedded in the plugin at
	/// build time.
	///
	/// start() refuses a frameAncestors that would add CSP directives (';',
	/// ',' or a line break), and an embedded page or strings.json that does
	/// not parse (a broken build); the host checks apiUrl's form.
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the routes before stop().
};

} // namespace uiplayer

#endif // uiplayer_PlayerPlugin_INCLUDED
