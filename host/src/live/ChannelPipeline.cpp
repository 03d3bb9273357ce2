//
// ChannelPipeline.cpp
//

#include "live/ChannelPipeline.h"
#include "live/UpstreamException.h"
#include "live/UrlInput.h"
#include "logging/Redactor.h"
#include "logging/ThreadName.h"
#include "plugins/PluginGuard.h"
#include "restream/ChannelErrors.h"
#include "restream/ChannelException.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Random.h>
#include <Poco/RunnableAdapter.h>
#include <algorithm>

extern "C" {
#include <libavutil/error.h>
}

namespace restream::host {

namespace {

const AVRational outputTimeBase{1, 90000};
const long long ticksPerSecond = 90000;
const long long sessionGap = 3600;                    // 40 ms between the end of one upstream and the next
const long long firstTimestamp = 10 * ticksPerSecond; // room below for B-frame pts
const char* const slateMessage = "Reconnecting… / Reconnexion…";

bool isRefusal(int error)
{
	return error == AVERROR_HTTP_FORBIDDEN || error == AVERROR_HTTP_UNAUTHORIZED || error == AVERROR_HTTP_NOT_FOUND;
}

} // namespace

ChannelPipeline::ChannelPipeline(const ChannelInfo& channel, Opener opener, std::vector<Sink> sinks, const RecoveryPolicy& policy,
	const Redactor& redactor, Poco::Logger& logger, Listener listener):
	_channel(channel),
	_opener(std::move(opener)),
	_policy(policy),
	_redactor(redactor),
	_logger(logger),
	_listener(std::move(listener)),
	_thread("channel-" + std::to_string(channel.streamId)),
	_slateThread("slate-" + std::to_string(channel.streamId)),
	_closed(std::make_shared<Poco::Event>(Poco::Event::EVENT_MANUALRESET))
{
	std::fill(std::begin(_lastDts), std::end(_lastDts), -1LL);
	for (auto& sink : sinks) _sinks.push_back({sink, false});
	_sinkView = std::move(sinks);
}

ChannelPipeline::~ChannelPipeline()
{
	requestStop();
	join();
}

void ChannelPipeline::start(std::vector<std::shared_ptr<Poco::Event>> after)
{
	_after = std::move(after);
	_started = true;
	_thread.start(*this);
	if (_policy.slate)
	{
		_slateRunner.reset(new Poco::RunnableAdapter<ChannelPipeline>(*this, &ChannelPipeline::runSlate));
		_slateThread.start(*_slateRunner);
	}
}

void ChannelPipeline::requestStop()
{
	_stopRequested = true;
	_wakeUp.set();
	_slateWakeUp.set();
	Poco::FastMutex::ScopedLock lock(_inputMutex);
	if (_input) _input->interrupt();
}

void ChannelPipeline::join()
{
	if (!_started) return;
	_thread.join();
	if (_slateRunner) _slateThread.join();
	_started = false;
}

std::shared_ptr<Poco::Event> ChannelPipeline::closed() const
{
	return _closed;
}

void ChannelPipeline::attach(Sink sink)
{
	Poco::FastMutex::ScopedLock lock(_sinksMutex);
	_sinkView.push_back(sink);
	_toAttach.push_back(std::move(sink));
	_sinkChanges = true;
}

void ChannelPipeline::detach(const std::shared_ptr<ChannelSink>& sink)
{
	Poco::FastMutex::ScopedLock lock(_sinksMutex);
	_sinkView.erase(std::remove_if(_sinkView.begin(), _sinkView.end(), [&](const Sink& entry) { return entry.sink == sink; }),
		_sinkView.end());
	_toAttach.erase(std::remove_if(_toAttach.begin(), _toAttach.end(), [&](const Sink& entry) { return entry.sink == sink; }),
		_toAttach.end());
	_toDetach.push_back(sink);
	_sinkChanges = true;
}

ChannelStatus ChannelPipeline::status() const
{
	ChannelStatus status;
	status.channel = _channel;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		status.state = _state;
		status.startedAt = _startedAt;
		status.reconnects = _reconnects;
		status.error = _error;
		status.errorCode = _errorCode;
		status.lastPacketAt = _lastPacketAt;
		status.hasPackets = _hasPackets;
		long long bytes = 0;
		for (const auto& sample : _recentBytes)
		{
			if (!sample.first.isElapsed(10 * Poco::Timespan::SECONDS)) bytes += sample.second;
		}
		status.bitrateKbps = static_cast<double>(bytes) * 8.0 / 10.0 / 1000.0;
	}
	std::vector<Sink> sinks;
	{
		Poco::FastMutex::ScopedLock lock(_sinksMutex);
		sinks = _sinkView;
	}
	bool playable = false;
	for (const auto& entry : sinks)
	{
		PluginGuard::call(_logger, entry.owner, "sink statistics", [&] {
			playable = playable || entry.sink->playable();
			status.viewers += entry.sink->viewers();
			status.bytesServed += entry.sink->bytesServed();
		});
	}
	if (status.state == ChannelStatus::State::Live && !playable && !sinks.empty()) status.state = ChannelStatus::State::Starting;
	return status;
}

void ChannelPipeline::run()
{
	ThreadName::set(_thread.getName());
	for (const auto& event : _after)
	{
		while (!_stopRequested && !event->tryWait(100))
		{
		}
	}
	Poco::Random random;
	random.seed();
	int failures = 0;     // consecutive opens that delivered no keyframe
	while (!_stopRequested)
	{
		std::unique_ptr<LiveInput> input;
		int error = 0;
		try
		{
			input = _opener(_stopRequested);
		}
		catch (const ChannelException& exc)
		{
			if (_stopRequested) break;
			fail(exc.errorCode(), exc.message());
		}
		catch (const UpstreamException& exc)
		{
			if (_stopRequested) break;
			error = exc.code();
			fail(UrlInput::code(error), exc.message().empty() ? exc.displayText() : exc.message());
		}
		catch (const Poco::Exception& exc)
		{
			if (_stopRequested) break;
			fail(ChannelErrors::UPSTREAM_ERROR, exc.message().empty() ? exc.displayText() : exc.message());
		}
		bool deliveredKeyframe = false;
		if (input)
		{
			{
				Poco::FastMutex::ScopedLock lock(_inputMutex);
				_input = input.get();
			}
			if (_stopRequested) input->interrupt(); // asked while it opened
			stream(*input, deliveredKeyframe);
			{
				Poco::FastMutex::ScopedLock lock(_inputMutex);
				_input = nullptr;
			}
			input.reset(); // the upstream connection closes here, before any retry
			if (_stopRequested) break;
			Poco::FastMutex::ScopedLock lock(_mutex);
			// a stream beyond a bound would be beyond it again at once: it backs off as a failed open does
			if (_errorCode == ChannelErrors::TOO_LARGE) deliveredKeyframe = false;
		}
		Poco::Timespan delay;
		if (deliveredKeyframe)
		{
			failures = 0;
			delay = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(random.nextDouble() *
				static_cast<double>(_policy.reopenJitter.totalMicroseconds())));
		}
		else
		{
			++failures;
			const Poco::Timespan cap = isRefusal(error) ? _policy.maxRefusedDelay : _policy.maxRetryDelay;
			const int doublings = std::min(failures - 1, 16);
			const Poco::Timespan::TimeDiff base = std::min(_policy.retryDelay.totalMicroseconds() << doublings, cap.totalMicroseconds());
			delay = Poco::Timespan(base / 2 + static_cast<Poco::Timespan::TimeDiff>(random.nextDouble() * static_cast<double>(base / 2)));
		}
		const bool inError = failures >= _policy.maxFailures;
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			++_reconnects;
		}
		setState(inError ? ChannelStatus::State::Error : ChannelStatus::State::Reconnecting);
		std::string reason;
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			reason = _error;
		}
		if (inError && failures == _policy.maxFailures)
			_logger.error("channel %Ld (%s): %d failed opens in a row; retrying every %d s: %s", _channel.streamId, _channel.name, failures,
				static_cast<int>((isRefusal(error) ? _policy.maxRefusedDelay : _policy.maxRetryDelay).totalSeconds()), reason);
		else
			_logger.warning("channel %Ld (%s): reconnecting in %d ms: %s", _channel.streamId, _channel.name,
				static_cast<int>(delay.totalMilliseconds()), reason);
		if (!pause(delay)) break;
	}
	{
		Poco::FastMutex::ScopedLock lock(_emitMutex);
		_slate.reset();
		flushHeld();
		endSinks();
	}
	setState(ChannelStatus::State::Stopped);
	_closed->set();
}

void ChannelPipeline::stream(LiveInput& input, bool& deliveredKeyframe)
{
	const ChannelFormat& format = input.format();
	_awaitKeyframe = true;
	AVPacket* packet = av_packet_alloc();
	if (!packet) return fail(ChannelErrors::UPSTREAM_ERROR, "out of memory");
	while (!_stopRequested)
	{
		const int result = input.read(*packet);
		if (result < 0)
		{
			if (!_stopRequested) fail(input.errorCode(result), input.describe(result));
			break;
		}
		{
			Poco::FastMutex::ScopedLock lock(_emitMutex);
			if (_sinkChanges) applySinkChanges();
			deliver(*packet, format);
			deliveredKeyframe = deliveredKeyframe || !_awaitKeyframe;
		}
		av_packet_unref(packet);
	}
	av_packet_free(&packet);
	Poco::FastMutex::ScopedLock lock(_emitMutex);
	flushHeld();
}

void ChannelPipeline::deliver(AVPacket& packet, const ChannelFormat& format)
{
	const int track = packet.stream_index;
	if (track < 0 || track >= trackCount || static_cast<std::size_t>(track) >= format.tracks.size()) return;
	if (packet.dts == AV_NOPTS_VALUE) packet.dts = packet.pts;
	if (packet.pts == AV_NOPTS_VALUE) packet.pts = packet.dts;
	if (packet.dts == AV_NOPTS_VALUE) return;
	av_packet_rescale_ts(&packet, format.tracks[static_cast<std::size_t>(track)].timeBase, outputTimeBase);

	const bool keyframe = track == 0 && (packet.flags & AV_PKT_FLAG_KEY);
	if (_awaitKeyframe)
	{
		// join at a video keyframe: what comes before it cannot be decoded
		if (!keyframe) return;
		// A slate once begun plays its whole loop (one second, one group of pictures) before the
		// provider takes over: a run of one or two pictures between two discontinuities kills the
		// decoder of Chromium's media pipeline (hls.js, video.js: PIPELINE_ERROR_DECODE).
		if (_slate && !_slate->playedWholeLoop()) return;
		_awaitKeyframe = false;
		_keyframePts = packet.pts;
		_audioJoined = false;
		flushHeld();
		_slate.reset(); // the upstream is back: its run follows the slate's
		_slateShape = SlateShape::of(format, _slateShape);
		_offset = (_haveTimeline ? _lastEnd + sessionGap : firstTimestamp) - packet.dts;
		_haveTimeline = true;
		beginSinks(format, false);
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			_error.clear();
			_errorCode.clear();
		}
		setState(ChannelStatus::State::Live);
	}
	else if (keyframe)
	{
		beginSinks(format, true); // sinks attached since the last keyframe start here
	}
	if (track == 1 && !_audioJoined)
	{
		// Audio from before the first picture is dropped. The check ends once audio has reached the
		// picture: compared later, the source's own clock going back (an MPEG-TS 33-bit wrap from a
		// PacketProducer, a reset) would drop every audio packet of the session after it.
		if (packet.pts < _keyframePts) return;
		_audioJoined = true;
	}

	packet.dts += _offset;
	packet.pts += _offset;
	const long long last = _lastDts[track];
	if (last >= 0 && (packet.dts < last - ticksPerSecond || packet.dts > last + 10 * ticksPerSecond))
	{
		// the source's clock jumped without a reconnect: continue the timeline from here
		const long long shift = _lastEnd + sessionGap - packet.dts;
		_offset += shift;
		packet.dts += shift;
		packet.pts += shift;
		_logger.information("channel %Ld: the source's timestamps jumped; timeline continued", _channel.streamId);
	}
	if (last >= 0 && packet.dts <= last) packet.dts = last + 1;
	if (packet.pts < packet.dts) packet.pts = packet.dts;
	_lastDts[track] = packet.dts;
	_lastLiveAt.update();
	count(packet);

	// hold each packet until the next of its track gives its duration
	AVPacket*& held = _held[track];
	if (held)
	{
		const long long gap = packet.dts - held->dts;
		if (held->duration <= 0 || held->duration > gap * 2) held->duration = gap > 0 ? gap : 1;
		emit(*held);
		av_packet_free(&held);
	}
	held = av_packet_clone(&packet);
}

void ChannelPipeline::beginSinks(const ChannelFormat& format, bool onlyNew)
{
	if (onlyNew)
	{
		if (std::all_of(_sinks.begin(), _sinks.end(), [](const Attached& entry) { return entry.begun; })) return;
		flushHeld(); // what is held comes before the keyframe the new sinks start with
	}
	ChannelFormat sinkFormat = format;
	for (auto& sinkTrack : sinkFormat.tracks) sinkTrack.timeBase = outputTimeBase;
	for (std::size_t index = _sinks.size(); index > 0; --index)
	{
		Attached& entry = _sinks[index - 1];
		if (onlyNew && entry.begun) continue;
		bool accepted = false;
		const bool called = PluginGuard::call(_logger, entry.sink.owner, "ChannelSink::begin", [&] { accepted = entry.sink.sink->begin(sinkFormat); });
		if (called && accepted)
		{
			entry.begun = true;
			continue;
		}
		detachFailed(index - 1, "refused the channel");
	}
}

void ChannelPipeline::emit(AVPacket& packet)
{
	_lastEnd = std::max(_lastEnd, static_cast<long long>(packet.dts + packet.duration));
	for (std::size_t index = _sinks.size(); index > 0; --index)
	{
		Attached& entry = _sinks[index - 1];
		if (!entry.begun) continue;
		bool written = false;
		const bool called = PluginGuard::call(_logger, entry.sink.owner, "ChannelSink::write", [&] { written = entry.sink.sink->write(packet); });
		if (!called || !written) detachFailed(index - 1, "failed to write");
	}
	if (!_playableAnnounced && packet.stream_index == 0) announceWhenPlayable();
}

void ChannelPipeline::count(const AVPacket& packet)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_lastPacketAt.update();
	_hasPackets = true;
	_recentBytes.emplace_back(_lastPacketAt, packet.size);
	while (!_recentBytes.empty() && _recentBytes.front().first.isElapsed(10 * Poco::Timespan::SECONDS)) _recentBytes.pop_front();
}

void ChannelPipeline::runSlate()
{
	ThreadName::set(_slateThread.getName());
	while (!_stopRequested)
	{
		_slateWakeUp.tryWait(40);
		playSlate();
	}
}

void ChannelPipeline::playSlate()
{
	SlateShape shape;
	{
		Poco::FastMutex::ScopedLock lock(_emitMutex);
		if (_stopRequested || !_haveTimeline) return;
		// the loop is made ready from half the delay on, so that the slate starts on time
		if (!_slate && !_lastLiveAt.isElapsed(_policy.slateAfter.totalMicroseconds() / 2)) return;
		shape = _slateShape;
	}
	// encoding takes a tenth of a second or more: the upstream may deliver meanwhile
	const std::shared_ptr<const SlateLoop> loop = slateLoop(shape);
	if (!loop) return;
	Poco::FastMutex::ScopedLock lock(_emitMutex);
	if (_stopRequested) return;
	if (_sinkChanges) applySinkChanges();
	const Poco::Timestamp now;
	if (!_slate)
	{
		if (!_lastLiveAt.isElapsed(_policy.slateAfter.totalMicroseconds())) return; // it came back
		flushHeld();
		_slate.reset(new SlateFeed(loop, _lastEnd + sessionGap, now));
		_slateBegun = false;
		_awaitKeyframe = true; // the upstream takes over again at its next keyframe
		_logger.information("channel %Ld (%s): nothing from the provider for %d ms; the slate plays", _channel.streamId, _channel.name,
			static_cast<int>(_lastLiveAt.elapsed() / 1000));
	}
	AVPacket* packet = av_packet_alloc();
	if (!packet) return;
	while (_slate->next(now, *packet))
	{
		if (packet->stream_index == 0 && (packet->flags & AV_PKT_FLAG_KEY))
		{
			beginSinks(_slate->loop().format(), _slateBegun); // the slate's first picture starts a run; later loops start new sinks
			_slateBegun = true;
		}
		_lastDts[packet->stream_index] = packet->dts;
		emit(*packet);
		av_packet_unref(packet);
	}
	av_packet_free(&packet);
}

std::shared_ptr<const SlateLoop> ChannelPipeline::slateLoop(const SlateShape& shape)
{
	if (_slateLoop && _slateLoop->shape() == shape) return _slateLoop;
	if (_failedShape == shape) return nullptr;
	try
	{
		const Poco::Timestamp started;
		_slateLoop = SlateLoop::encode(shape, _channel.name, slateMessage, _policy.slateImage);
		_failedShape.reset();
		_logger.information("channel %Ld: slate of %dx%d encoded in %d ms", _channel.streamId, shape.width, shape.height,
			static_cast<int>(started.elapsed() / 1000));
		if (!_slateLoop->problem().empty()) _logger.warning("channel %Ld: slate: %s", _channel.streamId, _slateLoop->problem());
		return _slateLoop;
	}
	catch (const Poco::Exception& exc)
	{
		_failedShape = shape;
		_logger.error("channel %Ld: no slate: %s", _channel.streamId, exc.displayText());
	}
	catch (const std::exception& exc) // out of memory: the channel runs on without a slate
	{
		_failedShape = shape;
		_logger.error("channel %Ld: no slate: %s", _channel.streamId, std::string(exc.what()));
	}
	return nullptr;
}

void ChannelPipeline::applySinkChanges()
{
	std::vector<Sink> attach;
	std::vector<std::shared_ptr<ChannelSink>> detach;
	{
		Poco::FastMutex::ScopedLock lock(_sinksMutex);
		attach.swap(_toAttach);
		detach.swap(_toDetach);
		_sinkChanges = false;
	}
	for (const auto& sink : detach)
	{
		_sinks.erase(std::remove_if(_sinks.begin(), _sinks.end(), [&](const Attached& entry) { return entry.sink.sink == sink; }),
			_sinks.end());
	}
	for (auto& sink : attach) _sinks.push_back({std::move(sink), false});
}

void ChannelPipeline::detachFailed(std::size_t index, const std::string& phase)
{
	const Sink sink = _sinks[index].sink;
	_sinks.erase(_sinks.begin() + static_cast<std::ptrdiff_t>(index));
	_logger.error("channel %Ld: the %s output %s; it is detached and the channel runs on", _channel.streamId, sink.owner, phase);
	PluginGuard::call(_logger, sink.owner, "ChannelSink::end", [&] { sink.sink->end(); });
	Poco::FastMutex::ScopedLock lock(_sinksMutex);
	_sinkView.erase(std::remove_if(_sinkView.begin(), _sinkView.end(), [&](const Sink& entry) { return entry.sink == sink.sink; }),
		_sinkView.end());
}

void ChannelPipeline::flushHeld()
{
	// in dts order, so the outputs see one interleaved timeline
	for (;;)
	{
		int next = -1;
		for (int track = 0; track < trackCount; ++track)
		{
			if (_held[track] && (next < 0 || _held[track]->dts < _held[next]->dts)) next = track;
		}
		if (next < 0) return;
		if (_held[next]->duration <= 0) _held[next]->duration = next == 0 ? 3600 : 1920;
		emit(*_held[next]);
		av_packet_free(&_held[next]);
	}
}

void ChannelPipeline::endSinks()
{
	if (_sinkChanges) applySinkChanges();
	for (auto& entry : _sinks)
	{
		PluginGuard::call(_logger, entry.sink.owner, "ChannelSink::end", [&] { entry.sink.sink->end(); });
	}
	_sinks.clear();
	Poco::FastMutex::ScopedLock lock(_sinksMutex);
	_sinkView.clear();
	_toAttach.clear();
}

void ChannelPipeline::setState(ChannelStatus::State state)
{
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		if (_state == state) return;
		_state = state;
	}
	_playableAnnounced = false;
	if (_listener) _listener();
}

void ChannelPipeline::announceWhenPlayable()
{
	bool playable = _sinks.empty();
	for (const Attached& entry : _sinks)
	{
		if (entry.begun) PluginGuard::call(_logger, entry.sink.owner, "ChannelSink::playable", [&] { playable = playable || entry.sink.sink->playable(); });
	}
	if (!playable) return;
	_playableAnnounced = true;
	if (_listener) _listener(); // status() now says live
}

void ChannelPipeline::fail(const std::string& code, const std::string& reason)
{
	const std::string redacted = _redactor.redact(reason);
	_logger.warning("channel %Ld (%s): %s", _channel.streamId, _channel.name, redacted);
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_error = redacted;
		_errorCode = code;
	}
	if (_listener) _listener();
}

bool ChannelPipeline::pause(const Poco::Timespan& delay)
{
	if (_stopRequested) return false;
	_wakeUp.tryWait(static_cast<long>(std::min<Poco::Timespan::TimeDiff>(std::max<Poco::Timespan::TimeDiff>(delay.totalMilliseconds(), 1), 0x7fffffff)));
	return !_stopRequested;
}

} // namespace restream::host
