//
// Program.h
//

#ifndef restream_host_Program_INCLUDED
#define restream_host_Program_INCLUDED

#include "live/ChannelPipeline.h"
#include "restream/ChannelSink.h"
#include <Poco/Mutex.h>
#include <Poco/Types.h>
#include <memory>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class Program : public std::enable_shared_from_this<Program>
	/// The program: one continuous channel fed by whichever channel is on
	/// air, through switches, reconnects and restarts of its channels. Each
	/// output's program sink (Output::createProgramSink()) sees one life:
	/// begin(format) at each new run of media (a switch, a reconnect), and
	/// packets whose timestamps continue from run to run on one rising
	/// timeline, exactly as a channel's sinks see them.
	///
	/// It feeds on the channel on air through a feed (a ChannelSink attached
	/// to that channel's pipeline): a new feed makes the old one mute, so
	/// the last packets of the channel left behind never reach the sinks
	/// after the first of the new one. Between the switch and the new
	/// channel's first keyframe the sinks simply get nothing (a playlist
	/// stops growing; it keeps what it has).
	///
	/// Ownership: made and shared by the engine (make_shared); each feed
	/// keeps a share, so a late packet of a stopping channel never finds it
	/// gone.
	/// Threads: any; the sinks get one call at a time (a lock of the
	/// program's own, held while they run: their code must not call back
	/// into the engine).
{
public:
	explicit Program(Poco::Logger& logger);
	~Program();
		/// Ends the sinks if the program still runs.

	void begin(std::vector<ChannelPipeline::Sink> sinks);
		/// The program starts with these sinks (ended first, if it ran).

	std::shared_ptr<ChannelSink> feed(Poco::Int64 streamId);
		/// A new feed for streamId's pipeline to carry; the earlier feeds go
		/// mute. Null when the program does not run.

	void end();
		/// The program ends: every sink is ended (a playlist says ENDLIST).
		/// Feeds go mute. Idempotent.

	bool running() const;
	bool playable() const;
	int viewers() const;
	Poco::UInt64 bytesServed() const;

	void begin(Poco::UInt64 feed, const ChannelFormat& format);
	bool write(Poco::UInt64 feed, const AVPacket& packet);
		/// What a feed passes on; ignored unless feed is the current one.

private:
	std::vector<ChannelPipeline::Sink> sinks() const;
	void detachFailed(std::size_t index, const char* phase);

	Poco::Logger& _logger;
	mutable Poco::FastMutex _mutex;
	std::vector<ChannelPipeline::Sink> _sinks;
	bool _running = false;
	Poco::UInt64 _feed = 0;        // the current feed's number; 0 for none
	Poco::UInt64 _lastFeed = 0;

	// the program's timeline (90 kHz), continued across runs
	static const int trackCount = 2;
	bool _rebase = true;
	bool _haveTimeline = false;
	long long _offset = 0;
	long long _lastEnd = 0;
	long long _lastDts[trackCount] = {-1, -1};
	AVPacket* _packet = nullptr;
};

} // namespace restream::host

#endif // restream_host_Program_INCLUDED
