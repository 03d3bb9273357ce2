//
// HlsPlugin.h
//
// output-hls: the plugin's root.
//

#ifndef outputhls_HlsPlugin_INCLUDED
#define outputhls_HlsPlugin_INCLUDED

#include "DemandLeases.h"
#include "PlaylistWaiters.h"
#include "restream/Plugin.h"
#include <memory>

namespace outputhls {

class HlsPlugin : public restream::Plugin
	/// Registers, once FFmpeg's mpegts muxer is found:
	///   - the Output "output-hls", whose sinks segment each running channel
	///     and the program in memory;
	///   - public routes on the API port (see HlsPaths): GET /live.m3u8 and
	///     /internal_stream.m3u8 (the program), GET /live/* (a channel's
	///     playlist), GET /hls/* (segments), and OPTIONS on each for CORS
	///     preflight;
	///   - the PlaybackForm "hls" (/live.m3u8, /live/{stream_id}.m3u8).
	/// Throws from start() when the muxer is missing (nothing is registered).
	///
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Releases the on-demand leases and answers the waiting playlist
		/// requests; the registry dropped the other services before.

private:
	std::shared_ptr<DemandLeases> _leases;
	std::shared_ptr<PlaylistWaiters> _waiters;
};

} // namespace outputhls

#endif // outputhls_HlsPlugin_INCLUDED
