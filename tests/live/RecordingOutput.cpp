//
// RecordingOutput.cpp
//

#include "RecordingOutput.h"
#include <chrono>

namespace restream::test {

bool RecordingSink::begin(const ChannelFormat& format)
{
	RecordedFormat recorded;
	if (!format.tracks.empty())
	{
		recorded.video = format.tracks[0].parameters->codec_id;
		recorded.width = format.tracks[0].parameters->width;
		recorded.height = format.tracks[0].parameters->height;
	}
	if (format.tracks.size() > 1)
	{
		recorded.audio = format.tracks[1].parameters->codec_id;
		recorded.sampleRate = format.tracks[1].parameters->sample_rate;
	}
	std::lock_guard<std::mutex> lock(_mutex);
	++_begins;
	_formats.push_back(recorded);
	_changed.notify_all();
	return true;
}

bool RecordingSink::write(const AVPacket& packet)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_packets.push_back({packet.stream_index, packet.dts, packet.pts, packet.duration, (packet.flags & AV_PKT_FLAG_KEY) != 0, _begins});
	_changed.notify_all();
	return true;
}

void RecordingSink::end()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_ended = true;
	_changed.notify_all();
}

bool RecordingSink::playable() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return !_packets.empty() && !_ended;
}

int RecordingSink::viewers() const
{
	return 0;
}

Poco::UInt64 RecordingSink::bytesServed() const
{
	return 0;
}

int RecordingSink::begins() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _begins;
}

std::vector<RecordedFormat> RecordingSink::formats() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _formats;
}

bool RecordingSink::ended() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _ended;
}

std::vector<RecordedPacket> RecordingSink::packets() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _packets;
}

bool RecordingSink::waitForPackets(std::size_t count, int milliseconds) const
{
	std::unique_lock<std::mutex> lock(_mutex);
	return _changed.wait_for(lock, std::chrono::milliseconds(milliseconds), [&] { return _packets.size() >= count; });
}

bool RecordingSink::waitForBegins(int count, int milliseconds) const
{
	std::unique_lock<std::mutex> lock(_mutex);
	return _changed.wait_for(lock, std::chrono::milliseconds(milliseconds), [&] { return _begins >= count; });
}

bool RecordingSink::waitForEnd(int milliseconds) const
{
	std::unique_lock<std::mutex> lock(_mutex);
	return _changed.wait_for(lock, std::chrono::milliseconds(milliseconds), [&] { return _ended; });
}

std::shared_ptr<ChannelSink> RecordingOutput::createSink(const ChannelInfo& channel)
{
	auto sink = std::make_shared<RecordingSink>();
	std::lock_guard<std::mutex> lock(_mutex);
	_sinks[channel.streamId].push_back(sink);
	return sink;
}

std::shared_ptr<ChannelSink> RecordingOutput::createProgramSink()
{
	auto sink = std::make_shared<RecordingSink>();
	std::lock_guard<std::mutex> lock(_mutex);
	_sinks[0].push_back(sink);
	return sink;
}

std::shared_ptr<RecordingSink> RecordingOutput::latest(Poco::Int64 streamId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	const auto found = _sinks.find(streamId);
	return found == _sinks.end() || found->second.empty() ? nullptr : found->second.back();
}

int RecordingOutput::made(Poco::Int64 streamId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	const auto found = _sinks.find(streamId);
	return found == _sinks.end() ? 0 : static_cast<int>(found->second.size());
}

} // namespace restream::test
