//
// Program.cpp
//

#include "live/Program.h"
#include "live/ProgramFeed.h"
#include "plugins/PluginGuard.h"
#include <Poco/Logger.h>
#include <algorithm>

namespace restream::host {

namespace {

const long long sessionGap = 3600;            // 40 ms between runs, as between a channel's sessions
const long long firstTimestamp = 10 * 90000;  // room below for B-frame pts

} // namespace

Program::Program(Poco::Logger& logger):
	_logger(logger)
{
}

Program::~Program()
{
	end();
	av_packet_free(&_packet);
}

void Program::begin(std::vector<ChannelPipeline::Sink> sinks)
{
	end();
	Poco::FastMutex::ScopedLock lock(_mutex);
	_sinks = std::move(sinks);
	_running = true;
	_rebase = true;
}

std::shared_ptr<ChannelSink> Program::feed(Poco::Int64)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (!_running) return nullptr;
	_feed = ++_lastFeed;
	_rebase = true;
	return std::make_shared<ProgramFeed>(shared_from_this(), _feed);
}

void Program::end()
{
	std::vector<ChannelPipeline::Sink> ended;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		if (!_running) return;
		_running = false;
		_feed = 0;
		// the sinks end under the lock: no feed can reach them during or after their end()
		for (auto& sink : _sinks)
			PluginGuard::call(_logger, sink.owner, "program ChannelSink::end", [&] { sink.sink->end(); });
		ended.swap(_sinks);
	}
	// the sinks are released here, outside the lock
}

bool Program::running() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _running;
}

bool Program::playable() const
{
	bool playable = false;
	for (const auto& sink : sinks())
		PluginGuard::call(_logger, sink.owner, "program sink statistics", [&] { playable = playable || sink.sink->playable(); });
	return playable;
}

int Program::viewers() const
{
	int viewers = 0;
	for (const auto& sink : sinks())
		PluginGuard::call(_logger, sink.owner, "program sink statistics", [&] { viewers += sink.sink->viewers(); });
	return viewers;
}

Poco::UInt64 Program::bytesServed() const
{
	Poco::UInt64 bytes = 0;
	for (const auto& sink : sinks())
		PluginGuard::call(_logger, sink.owner, "program sink statistics", [&] { bytes += sink.sink->bytesServed(); });
	return bytes;
}

void Program::begin(Poco::UInt64 feed, const ChannelFormat& format)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (feed != _feed) return;
	_rebase = true;
	for (std::size_t index = _sinks.size(); index > 0; --index)
	{
		bool accepted = false;
		const bool called = PluginGuard::call(_logger, _sinks[index - 1].owner, "program ChannelSink::begin",
			[&] { accepted = _sinks[index - 1].sink->begin(format); });
		if (!called || !accepted) detachFailed(index - 1, "refused a run of the program");
	}
}

bool Program::write(Poco::UInt64 feed, const AVPacket& packet)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (feed != _feed) return true;
	const int track = packet.stream_index;
	if (track < 0 || track >= trackCount) return true;
	if (_rebase)
	{
		// the run's first packet (a keyframe): its timeline continues the program's
		_offset = (_haveTimeline ? _lastEnd + sessionGap : firstTimestamp) - packet.dts;
		_haveTimeline = true;
		_rebase = false;
	}
	if (!_packet && !(_packet = av_packet_alloc())) return true;
	if (av_packet_ref(_packet, &packet) < 0) return true;
	_packet->dts += _offset;
	_packet->pts += _offset;
	if (_lastDts[track] >= 0 && _packet->dts <= _lastDts[track]) _packet->dts = _lastDts[track] + 1;
	if (_packet->pts < _packet->dts) _packet->pts = _packet->dts;
	_lastDts[track] = _packet->dts;
	_lastEnd = std::max(_lastEnd, static_cast<long long>(_packet->dts + _packet->duration));
	for (std::size_t index = _sinks.size(); index > 0; --index)
	{
		bool written = false;
		const bool called = PluginGuard::call(_logger, _sinks[index - 1].owner, "program ChannelSink::write",
			[&] { written = _sinks[index - 1].sink->write(*_packet); });
		if (!called || !written) detachFailed(index - 1, "failed to write the program");
	}
	av_packet_unref(_packet);
	return true;
}

std::vector<ChannelPipeline::Sink> Program::sinks() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _sinks;
}

void Program::detachFailed(std::size_t index, const char* phase)
{
	const ChannelPipeline::Sink sink = _sinks[index];
	_sinks.erase(_sinks.begin() + static_cast<std::ptrdiff_t>(index));
	_logger.error("program: the %s output %s; it is detached and the program runs on", sink.owner, std::string(phase));
	PluginGuard::call(_logger, sink.owner, "program ChannelSink::end", [&] { sink.sink->end(); });
}

} // namespace restream::host
