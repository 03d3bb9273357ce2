//
// ChannelPipeline.cpp
//

#include "live/ChannelPipeline.h"
#include "logging/Redactor.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Random.h>
#include <algorithm>

extern "C" {
#include <libavutil/error.h>
}

namespace restream::host {

namespace {

const AVRational outputTimeBase{1, 90000};
const long long ticksPerSecond = 90000;
const long long sessionGap = 3600;               // 40 ms between the end of one upstream and the next
const long long firstTimestamp = 10 * ticksPerSecond; // room below for B-frame pts

} // namespace

ChannelPipeline::ChannelPipeline(const ChannelInfo& channel, Opener opener, std::vector<std::shared_ptr<ChannelSink>> sinks,
	const RecoveryPolicy& policy, const Redactor& redactor, Poco::Logger& logger):
	_channel(channel),
	_opener(std::move(opener)),
	_sinks(std::move(sinks)),
	_policy(policy),
	_redactor(redactor),
	_logger(logger),
	_thread("channel-" + std::to_string(channel.streamId))
{
	std::fill(std::begin(_lastDts), std::end(_lastDts), -1LL);
}

ChannelPipeline::~ChannelPipeline()
{
	stop();
}

void ChannelPipeline::start()
{
	_started = true;
	_thread.start(*this);
}

void ChannelPipeline::stop()
{
	if (!_started) return;
	_stopRequested = true;
	_wakeUp.set();
	_thread.join();
	_started = false;
}

ChannelPipeline::Status ChannelPipeline::status() const
{
	Status status;
	status.channel = _channel;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		status.state = _state;
		status.startedAt = _startedAt;
		status.reconnects = _reconnects;
		status.error = _error;
		status.lastPacketAt = _lastPacketAt;
		status.hasPackets = _hasPackets;
		long long bytes = 0;
		for (const auto& sample : _recentBytes)
		{
			if (!sample.first.isElapsed(10 * Poco::Timespan::SECONDS)) bytes += sample.second;
		}
		status.bitrateKbps = static_cast<double>(bytes) * 8.0 / 10.0 / 1000.0;
	}
	std::vector<std::shared_ptr<ChannelSink>> sinks;
	{
		Poco::FastMutex::ScopedLock lock(_sinksMutex);
		sinks = _sinks;
	}
	if (status.state == State::Live && !anyPlayable(sinks)) status.state = State::Starting;
	for (const auto& sink : sinks)
	{
		try
		{
			status.viewers += sink->viewers();
			status.bytesServed += sink->bytesServed();
		}
		catch (...)
		{
			// an output that cannot count is left out of the sum
		}
	}
	return status;
}

std::string ChannelPipeline::describe(State state)
{
	switch (state)
	{
	case State::Starting: return "starting";
	case State::Live: return "live";
	case State::Reconnecting: return "reconnecting";
	case State::Error: return "error";
	case State::Stopped: return "idle";
	}
	return "idle";
}

void ChannelPipeline::run()
{
	Poco::Random random;
	random.seed();
	int failures = 0;
	while (!_stopRequested)
	{
		std::unique_ptr<LiveInput> input;
		try
		{
			input = _opener(_stopRequested);
		}
		catch (const Poco::Exception& exc)
		{
			if (_stopRequested) break;
			fail(exc.message().empty() ? exc.displayText() : exc.message());
		}
		const Poco::Timestamp sessionStarted;
		if (input)
		{
			stream(*input);
			input.reset(); // the upstream connection closes here, before any retry
			if (_stopRequested) break;
			if (sessionStarted.isElapsed(_policy.healthyAfter.totalMicroseconds())) failures = 0;
		}
		++failures;
		if (failures >= _policy.maxFailures)
		{
			{
				Poco::FastMutex::ScopedLock lock(_mutex);
				_state = State::Error;
			}
			_logger.error("channel %Ld (%s): %d failures in a row, giving up: %s", _channel.streamId, _channel.name, failures, _error);
			const bool retry = _policy.errorRetryInterval.totalMicroseconds() > 0;
			if (!pause(retry ? _policy.errorRetryInterval : Poco::Timespan(365 * Poco::Timespan::DAYS))) break;
			failures = 0;
		}
		const int doublings = std::min(failures - 1, 16);
		const Poco::Timespan::TimeDiff base = std::min(_policy.retryDelay.totalMicroseconds() << std::max(doublings, 0), _policy.maxRetryDelay.totalMicroseconds());
		const Poco::Timespan delay(base / 2 + static_cast<Poco::Timespan::TimeDiff>(random.nextDouble() * static_cast<double>(base / 2)));
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			_state = State::Reconnecting;
			++_reconnects;
		}
		_logger.warning("channel %Ld (%s): reconnecting in %d ms: %s", _channel.streamId, _channel.name, static_cast<int>(delay.totalMilliseconds()), _error);
		if (!pause(delay)) break;
	}
	flushHeld();
	endSinks();
	Poco::FastMutex::ScopedLock lock(_mutex);
	_state = State::Stopped;
}

void ChannelPipeline::stream(LiveInput& input)
{
	const ChannelFormat& format = input.format();
	_awaitKeyframe = true;
	bool begun = false;
	AVPacket* packet = av_packet_alloc();
	if (!packet) return fail("out of memory");
	while (!_stopRequested)
	{
		const int result = input.read(*packet);
		if (result < 0)
		{
			if (!_stopRequested) fail(input.describe(result));
			break;
		}
		deliver(*packet, format, begun);
		av_packet_unref(packet);
	}
	av_packet_free(&packet);
}

void ChannelPipeline::deliver(AVPacket& packet, const ChannelFormat& format, bool& begun)
{
	const int track = packet.stream_index;
	if (track < 0 || track >= trackCount || static_cast<std::size_t>(track) >= format.tracks.size()) return;
	if (packet.dts == AV_NOPTS_VALUE) packet.dts = packet.pts;
	if (packet.pts == AV_NOPTS_VALUE) packet.pts = packet.dts;
	if (packet.dts == AV_NOPTS_VALUE) return;
	av_packet_rescale_ts(&packet, format.tracks[static_cast<std::size_t>(track)].timeBase, outputTimeBase);

	if (_awaitKeyframe)
	{
		// join at a video keyframe: what comes before it cannot be decoded
		if (track != 0 || !(packet.flags & AV_PKT_FLAG_KEY)) return;
		_awaitKeyframe = false;
		_keyframePts = packet.pts;
		flushHeld();
		_offset = (_haveTimeline ? _lastEnd + sessionGap : firstTimestamp) - packet.dts;
		_haveTimeline = true;
		ChannelFormat sinkFormat = format;
		for (auto& sinkTrack : sinkFormat.tracks) sinkTrack.timeBase = outputTimeBase;
		for (auto it = _sinks.begin(); it != _sinks.end();)
		{
			bool accepted = false;
			try
			{
				accepted = (*it)->begin(sinkFormat);
			}
			catch (...)
			{
				accepted = false;
			}
			if (accepted)
			{
				++it;
				continue;
			}
			_logger.error("channel %Ld: an output refused the channel; it is detached", _channel.streamId);
			try
			{
				(*it)->end();
			}
			catch (...)
			{
				// detached anyway
			}
			Poco::FastMutex::ScopedLock lock(_sinksMutex);
			it = _sinks.erase(it);
		}
		begun = true;
		Poco::FastMutex::ScopedLock lock(_mutex);
		_state = State::Live;
		_error.clear();
	}
	if (!begun) return;
	if (track == 1 && packet.pts < _keyframePts) return; // audio from before the first picture

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

void ChannelPipeline::emit(AVPacket& packet)
{
	_lastEnd = std::max(_lastEnd, static_cast<long long>(packet.dts + packet.duration));
	for (auto it = _sinks.begin(); it != _sinks.end();)
	{
		bool written = false;
		try
		{
			written = (*it)->write(packet);
		}
		catch (...)
		{
			written = false;
		}
		if (written)
		{
			++it;
			continue;
		}
		_logger.error("channel %Ld: an output failed to write; it is detached and the channel runs on", _channel.streamId);
		try
		{
			(*it)->end();
		}
		catch (...)
		{
			// detached anyway
		}
		Poco::FastMutex::ScopedLock lock(_sinksMutex);
		it = _sinks.erase(it);
	}
	Poco::FastMutex::ScopedLock lock(_mutex);
	_lastPacketAt.update();
	_hasPackets = true;
	_recentBytes.emplace_back(_lastPacketAt, packet.size);
	while (!_recentBytes.empty() && _recentBytes.front().first.isElapsed(10 * Poco::Timespan::SECONDS)) _recentBytes.pop_front();
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
	for (auto& sink : _sinks)
	{
		try
		{
			sink->end();
		}
		catch (...)
		{
			_logger.error("channel %Ld: an output failed to end", _channel.streamId);
		}
	}
	Poco::FastMutex::ScopedLock lock(_sinksMutex);
	_sinks.clear();
}

void ChannelPipeline::fail(const std::string& reason)
{
	const std::string redacted = _redactor.redact(reason);
	_logger.warning("channel %Ld (%s): %s", _channel.streamId, _channel.name, redacted);
	Poco::FastMutex::ScopedLock lock(_mutex);
	_error = redacted;
}

bool ChannelPipeline::pause(const Poco::Timespan& delay)
{
	if (_stopRequested) return false;
	_wakeUp.tryWait(static_cast<long>(std::min<Poco::Timespan::TimeDiff>(delay.totalMilliseconds(), 0x7fffffff)));
	return !_stopRequested;
}

bool ChannelPipeline::anyPlayable(const std::vector<std::shared_ptr<ChannelSink>>& sinks)
{
	for (const auto& sink : sinks)
	{
		try
		{
			if (sink->playable()) return true;
		}
		catch (...)
		{
			// not playable as far as we can tell
		}
	}
	return false;
}

} // namespace restream::host
