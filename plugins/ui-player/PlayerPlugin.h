//
// PlayerPlugin.h
//
// The ui-player plugin: the public live player on the player port.
//

#ifndef restream_player_PlayerPlugin_INCLUDED
#define restream_player_PlayerPlugin_INCLUDED

#include "restream/Plugin.h"

namespace restream {
namespace player {

class PlayerPlugin : public Plugin
	/// Registers the PortHandlerFactory "ui-player", which serves the whole
	/// player port: the page, its script (hls.js bundled in) and style, all
	/// embedded in the plugin at build time. The page needs no session and
	/// no token: it reads the API's public /stream_status and /live.m3u8.
	///
	/// start() refuses an apiUrl that is not an absolute http(s) URL, and
	/// an embedded strings.json that does not parse (a broken build).
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<Setting> settings() const override;
	void start(PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the factory before stop().
};

} // namespace player
} // namespace restream

#endif // restream_player_PlayerPlugin_INCLUDED
