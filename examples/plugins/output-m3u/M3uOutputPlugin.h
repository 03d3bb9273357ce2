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
	/// Registers one service, the public Route "output-m3u.playlist": GET
	/// /playlist.m3u (PlaylistRoute), the channels live right now, built
	/// from the host's services alone: Channels (what runs, the program),
	/// Catalog (names, numbers, EPG ids, logos, categories) and PlaybackUrls
	/// (where each channel plays, in the forms other outputs registered:
	/// load output-hls for "hls"). It is no Output: it serves no media and
	/// needs no packets, so it takes no sink.
	///
	/// Settings (section plugins.output-m3u), typed and checked by the host:
	///   formats  list: the playback formats the playlist's URLs use, in
	///            order of preference ("hls"; "ts, hls" with an MPEG-TS
	///            output); a channel served in none of them is left out
	///   port     text: the port that serves /playlist.m3u ("api"; "tuner"
	///            for media centres on the LAN)
	///
	/// Threads: start() and stop() from the host's main thread.
	/// Errors: start() throws Poco::InvalidArgumentException for an empty
	/// formats or port.
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Does nothing: the plugin holds no lease, subscription or thread,
		/// and the registry drops the route before stop().
};

} // namespace m3uoutput

#endif // m3uoutput_M3uOutputPlugin_INCLUDED
