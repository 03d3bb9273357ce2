//
// M3uOutputPlugin.h
//
// output-m3u: the live channels as an M3U playlist.
//

#ifndef m3uoutput_M3uOutputPlugin_INCLUDED
#define m3uoutput_M3uOutputPlugin_INCLUDED

#include "restream/Plugin.h"

namespace m3uoutput {

class M3uOutputPlugin : public restream::Plugin
	/// Registers the Output "output-m3u" (M3uOutput: knows what is live) and
	/// the public ApiRoute "output-m3u.playlist", GET /playlist.m3u
	/// (PlaylistRoute). The playlist points at output-hls's per-channel
	/// playlists (/live/<stream_id>.m3u8): load output-hls too.
	///
	/// Settings (section plugins.output-m3u):
	///   source    the source service whose tvg-id and logos are used (empty:
	///             the first source registered, the catalog's default)
	///   guideTtl  seconds the source's channel list is kept
	///
	/// Threads: start() and stop() from the host's main thread.
	/// Errors: start() throws Poco::InvalidArgumentException for a bad setting.
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the services before stop().
};

} // namespace m3uoutput

#endif // m3uoutput_M3uOutputPlugin_INCLUDED
