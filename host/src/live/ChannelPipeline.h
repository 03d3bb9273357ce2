//
// ChannelPipeline.h
//

#ifndef restream_host_ChannelPipeline_INCLUDED
#define restream_host_ChannelPipeline_INCLUDED

#include "live/LiveInput.h"
#include "live/RecoveryPolicy.h"
#include "live/SlateFeed.h"
#include "live/SlateShape.h"
#include "restream/ChannelInfo.h"
#include "restream/ChannelSink.h"
#include "restream/ChannelStatus.h"
#include <Poco/Event.h>
#include <Poco/Mutex.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
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
	/// and fans every packet out to the sinks.
	///
	/// Recovery (RecoveryPolicy): an upstream that delivered media and then
	/// fails is opened again at once (within a short jitter); the backoff
	/// grows only over consecutive opens that deliver no keyframe, and longer
	/// for refusals (HTTP 401/403/404) than for drops and stalls; a session
	/// ended for passing a bound (ChannelErrors::TOO_LARGE) counts as a
	/// failed open, since the same stream would pass it again. After
	/// maxFailures such opens the channel shows Error, and goes on retrying
	/// at the capped delay: it is never left dark once the provider is back.
	/// Each new upstream is a discontinuity for the sinks.
	///
	/// The slate (RecoveryPolicy::slate): a second thread watches a channel
	/// that has been live; once nothing came from the upstream for
	/// slateAfter (a stall, a reconnect, an error), it plays a SlateLoop in
	/// the shape of the channel's last format (its name and "Reconnecting…")
	/// to the sinks in real time, as a run of its own (a discontinuity),
	/// until the upstream delivers a keyframe, which starts the next run.
	/// A slate once begun plays at least its whole loop (one second): the
	/// upstream's keyframes before that are passed over.
	/// The loop is encoded once per shape and kept, from half of
	/// slateAfter on (a channel that never falls silent never encodes one).
	///
	/// Sinks may be attached and detached while it runs (the program follows
	/// the channel on air this way): an attached sink gets begin() at the
	/// next video keyframe. Sink calls are plugin calls: what a sink throws
	/// is logged with its owner and the sink is detached.
	///
	/// Threads: start(), requestStop() and join() from controlling threads;
	/// attach(), detach() and status() from any. Sinks are called from the
	/// pipeline's thread or the slate's, one call at a time (under the
	/// emission lock). The listener is called on the pipeline's thread with
	/// no lock but the emission lock held.
{
public:
	using Opener = std::function<std::unique_ptr<LiveInput>(const std::atomic<bool>& stopRequested)>;
		/// Opens the upstream; throws UpstreamException (code: AVERROR) or
		/// another Poco::Exception with a message for a human.

	using Listener = std::function<void()>;
		/// Told when the state or the error changed.

	struct Sink
	{
		std::string owner;                  /// the plugin that made it, for the log
		std::shared_ptr<ChannelSink> sink;
	};

	ChannelPipeline(const ChannelInfo& channel, Opener opener, std::vector<Sink> sinks, const RecoveryPolicy& policy,
		const Redactor& redactor, Poco::Logger& logger, Listener listener);
	~ChannelPipeline() override;
		/// Stops the pipeline if running (requestStop() and join()).

	void start(std::vector<std::shared_ptr<Poco::Event>> after);
		/// Starts the thread; it opens the upstream only once every event of
		/// after is set (the upstreams of channels that gave their provider
		/// connection up have closed).

	void requestStop();
		/// Interrupts the upstream and the waits; returns at once.

	void join();
		/// Waits until the thread has ended: the upstream is closed and every
		/// sink ended. Idempotent.

	std::shared_ptr<Poco::Event> closed() const;
		/// Set once the upstream is closed for good (the thread ended).

	void attach(Sink sink);
		/// Adds a sink; it begins at the next video keyframe.

	void detach(const std::shared_ptr<ChannelSink>& sink);
		/// Removes a sink without end(): it may still get the call under way.

	ChannelStatus status() const;
		/// The channel, state, error and traffic; the holder fields are the
		/// engine's to fill. Live only once a sink is playable (or none is
		/// attached): until then a live upstream reads as starting.

	void run() override;

private:
	struct Attached
	{
		Sink sink;
		bool begun = false;
	};

	void stream(LiveInput& input, bool& deliveredKeyframe);
	void runSlate();
	void playSlate();
		/// One turn of the slate's thread: starts the slate once the
		/// upstream has been away for slateAfter, and emits what is due.
	std::shared_ptr<const SlateLoop> slateLoop(const SlateShape& shape);
		/// The kept loop when its shape matches, else a new one (encoded with
		/// no lock held); null when encoding fails (logged once per shape).
	void deliver(AVPacket& packet, const ChannelFormat& format);
	void beginSinks(const ChannelFormat& format, bool onlyNew);
	void emit(AVPacket& packet);
	void count(const AVPacket& packet);
		/// Traffic from the upstream, for status().
	void applySinkChanges();
	void detachFailed(std::size_t index, const std::string& phase);
	void flushHeld();
	void endSinks();
	void setState(ChannelStatus::State state);
	void announceWhenPlayable();
		/// Once per live session: tells the listener when the first sink
		/// becomes playable (or at once without sinks), status() turning
		/// from starting to live then.
	void fail(const std::string& code, const std::string& reason);
	bool pause(const Poco::Timespan& delay);

	const ChannelInfo _channel;
	Opener _opener;
	const RecoveryPolicy _policy;
	const Redactor& _redactor;
	Poco::Logger& _logger;
	const Listener _listener;
	Poco::Thread _thread;
	Poco::Thread _slateThread;
	std::unique_ptr<Poco::Runnable> _slateRunner;
	Poco::Event _slateWakeUp;
	std::atomic<bool> _stopRequested{false};
	Poco::Event _wakeUp;
	bool _started = false;
	std::vector<std::shared_ptr<Poco::Event>> _after;
	LiveInput* _input = nullptr;      // the open upstream, for requestStop(); guarded by _inputMutex
	Poco::FastMutex _inputMutex;
	const std::shared_ptr<Poco::Event> _closed;

	// everything from here to the slate is guarded by _emitMutex (the pipeline's and the slate's threads)
	Poco::FastMutex _emitMutex;

	// the sinks: changed under _emitMutex only; copies for status()
	std::vector<Attached> _sinks;
	std::vector<Sink> _toAttach;                     // guarded by _sinksMutex
	std::vector<std::shared_ptr<ChannelSink>> _toDetach; // guarded by _sinksMutex
	std::atomic<bool> _sinkChanges{false};
	std::vector<Sink> _sinkView;                     // guarded by _sinksMutex: what status() reads
	mutable Poco::FastMutex _sinksMutex;

	// the timeline
	static const int trackCount = 2;
	bool _haveTimeline = false;
	long long _offset = 0;               /// added to input dts/pts (90 kHz) in this session
	long long _lastDts[trackCount];      /// last emitted dts per track (90 kHz)
	long long _lastEnd = 0;              /// the end of the latest packet emitted, any track
	AVPacket* _held[trackCount] = {nullptr, nullptr};
	bool _awaitKeyframe = true;
	long long _keyframePts = 0;
	bool _audioJoined = false; // an audio packet at or after _keyframePts has passed
	bool _playableAnnounced = false;

	// the slate
	Poco::Timestamp _lastLiveAt;         /// when the upstream last delivered a packet past the keyframe gate
	SlateShape _slateShape;              /// of the latest live run
	std::unique_ptr<SlateFeed> _slate;   /// while the slate plays
	bool _slateBegun = false;            /// the sinks began the slate's run
	std::shared_ptr<const SlateLoop> _slateLoop; /// the kept loop; touched by the slate's thread only
	std::optional<SlateShape> _failedShape; /// the shape whose encoding failed (not tried again); slate's thread only

	mutable Poco::FastMutex _mutex; // guards what status() reads
	ChannelStatus::State _state = ChannelStatus::State::Starting;
	Poco::Timestamp _startedAt;
	int _reconnects = 0;
	std::string _error;
	std::string _errorCode;
	Poco::Timestamp _lastPacketAt;
	bool _hasPackets = false;
	std::deque<std::pair<Poco::Timestamp, int>> _recentBytes;
};

} // namespace restream::host

#endif // restream_host_ChannelPipeline_INCLUDED
