//
// TsPlugin.h
//
// output-ts: the plugin's root.
//

#ifndef outputts_TsPlugin_INCLUDED
#define outputts_TsPlugin_INCLUDED

#include "TsDirectory.h"
#include "restream/Plugin.h"
#include <Poco/Timer.h>
#include <memory>

namespace outputts {

class TsPlugin : public restream::Plugin
	/// Registers, once FFmpeg's mpegts muxer is found:
	///   - the Output "output-ts", whose sinks mux each running channel and
	///     the program into one continuous MPEG-TS each, kept in a ring that
	///     all their viewers read;
	///   - public routes on the "tuner" port (see TsPaths): GET /live.ts (the
	///     program) and GET /stream/* (a channel, started on demand);
	///   - the PlaybackForm "ts" as "output-ts.url" (/live.ts,
	///     /stream/{stream_id}.ts), from which the host's PlaybackUrls gives
	///     other plugins (output-hdhr's lineup) the URLs.
	/// A timer (every 250 ms) drops the viewers that left or lost their
	/// lease and answers those that waited too long.
	/// Throws from start() when the muxer is missing (nothing is registered).
	///
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Stops the timer, ends every viewer's stream and releases every
		/// lease; the registry dropped the other services before.

private:
	void watch(Poco::Timer& timer);

	std::shared_ptr<TsDirectory> _directory;
	Poco::Timer _timer{250, 250};
};

} // namespace outputts

#endif // outputts_TsPlugin_INCLUDED
