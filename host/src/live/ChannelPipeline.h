//
// ChannelPipeline.h
//

#ifndef restream_host_ChannelPipeline_INCLUDED
#define restream_host_ChannelPipeline_INCLUDED

#include "live/LiveInput.h"
#include "live/RecoveryPolicy.h"
#include "restream/ChannelInfo.h"
#include "restream/ChannelSink.h"
#include <Poco/Event.h>
#include <Poco/Mutex.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class Redactor;

class ChannelPipeline : public Poco::Runnable
	/// One live channel: a thread that opens the channel's upstream (exactly
	/// one connection at a time), waits for a video keyframe, straightens the
	/// timeline (one offset for all tracks, so sync holds; dts strictly rising
	/// per track across reconnects; durations filled from the next packet)
	/// and fans every packet out to the outputs' sinks.
	///
	/// When the upstream fails it reconnects after a backoff with jitter
	/// (RecoveryPolicy); each new upstream is a discontinuity for the sinks.
	/// After maxFailures consecutive failures the channel is in error, its
	/// upstream closed, until errorRetryInterval passes or it is stopped.
	///
	/// Threads: start() and stop() from one controlling thread; status() from
	/// any. stop() returns once the upstream is closed.
{
public:
	using Opener = std::function<std::unique_ptr<LiveInput>(const std::atomic<bool>& stopRequested)>;
		/// Opens the upstream; throws Poco::Exception with a message for a human.

	enum class State
	{
		Starting,     /// opening, or open and waiting for the outputs to be playable
		Live,         /// open and playable
		Reconnecting, /// the upstream failed; waiting to open it again
		Error,        /// too many failures; upstream closed
		Stopped
	};

	struct Status
	{
		ChannelInfo channel;
		State state = State::Starting;
		Poco::Timestamp startedAt;
		int reconnects = 0;
		std::string error;               /// the last failure, for a human; empty when none
		Poco::Timestamp lastPacketAt;    /// when the last packet reached the outputs
		bool hasPackets = false;         /// lastPacketAt is meaningful
		double bitrateKbps = 0;          /// over the last 10 s
		int viewers = 0;
		Poco::UInt64 bytesServed = 0;
	};

	ChannelPipeline(const ChannelInfo& channel, Opener opener, std::vector<std::shared_ptr<ChannelSink>> sinks,
		const RecoveryPolicy& policy, const Redactor& redactor, Poco::Logger& logger);
	~ChannelPipeline() override;
		/// Stops the pipeline if running.

	void start();
	void stop();
		/// Interrupts the upstream, joins the thread, ends the sinks. Idempotent.

	Status status() const;
	static std::string describe(State state);

	void run() override;

private:
	void stream(LiveInput& input);
	void deliver(AVPacket& packet, const ChannelFormat& format, bool& begun);
	void emit(AVPacket& packet);
	void flushHeld();
	void endSinks();
	void fail(const std::string& reason);
	bool pause(const Poco::Timespan& delay);
	static bool anyPlayable(const std::vector<std::shared_ptr<ChannelSink>>& sinks);

	const ChannelInfo _channel;
	Opener _opener;
	std::vector<std::shared_ptr<ChannelSink>> _sinks; // changed by the pipeline thread under _sinksMutex
	mutable Poco::FastMutex _sinksMutex;
	const RecoveryPolicy _policy;
	const Redactor& _redactor;
	Poco::Logger& _logger;
	Poco::Thread _thread;
	std::atomic<bool> _stopRequested{false};
	Poco::Event _wakeUp;
	bool _started = false;

	// the timeline, pipeline thread only
	static const int trackCount = 2;
	bool _haveTimeline = false;
	long long _offset = 0;               /// added to input dts/pts (90 kHz) in this session
	long long _lastDts[trackCount];      /// last emitted dts per track (90 kHz)
	long long _lastEnd = 0;              /// the end of the latest packet emitted, any track
	AVPacket* _held[trackCount] = {nullptr, nullptr};
	bool _awaitKeyframe = true;
	long long _keyframePts = 0;

	mutable Poco::FastMutex _mutex; // guards what status() reads
	State _state = State::Starting;
	Poco::Timestamp _startedAt;
	int _reconnects = 0;
	std::string _error;
	Poco::Timestamp _lastPacketAt;
	bool _hasPackets = false;
	std::deque<std::pair<Poco::Timestamp, int>> _recentBytes;
};

} // namespace restream::host

#endif // restream_host_ChannelPipeline_INCLUDED
