//
// DemoProducer.cpp
//

#include "DemoProducer.h"
#include <Poco/Exception.h>
#include <string>

extern "C" {
#include <libavutil/error.h>
#include <libavutil/mathematics.h>
}

namespace sourcedemo {

const AVRational DemoProducer::TIME_BASE{1, 90000};

DemoProducer::DemoProducer(const DemoChannel& channel, const std::string& videoPreset):
	_waiting{AVPointer<AVPacket, av_packet_free>(av_packet_alloc()), AVPointer<AVPacket, av_packet_free>(av_packet_alloc())}
{
	if (!_waiting[VIDEO] || !_waiting[AUDIO]) throw Poco::OutOfMemoryException("av_packet_alloc");

	// The encoder takes the pixel format the graph ends with: make it 4:2:0,
	// the only one browsers play, whatever the source filter makes (testsrc
	// makes RGB, which libx264 refuses and ffmpeg's CLI turns into 4:4:4).
	_tracks[VIDEO] = std::make_unique<SyntheticTrack>(channel.video + ",format=yuv420p", "libx264",
		std::map<std::string, std::string>{
			{"preset", videoPreset},
			{"tune", "zerolatency"}, // no B-frames, no lookahead: a packet per frame, dts = pts
			{"profile", "main"}, // at most: ultrafast, without CABAC, makes Constrained Baseline
			{"b", channel.videoBitRate},
			{"g", std::to_string(KEYFRAME_INTERVAL * DemoChannel::FRAME_RATE)},
			{"sc_threshold", "0"}, // keyframes at the interval only, never at a scene cut
			{"threads", "1"},      // a small channel: one thread, the caller's, is enough
		});
	_tracks[AUDIO] = std::make_unique<SyntheticTrack>(
		channel.audio + ",aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo", "aac",
		std::map<std::string, std::string>{{"b", "128k"}});

	for (const auto& track : _tracks) _format.tracks.push_back({&track->parameters(), TIME_BASE});
}

const restream::ChannelFormat& DemoProducer::format() const
{
	return _format;
}

int DemoProducer::read(AVPacket& packet)
{
	// The pipeline's thread must never see an exception; nothing below throws
	// but the standard library's locking, in theory.
	try
	{
		const int track = nextTrack();
		if (track < 0) return track;
		if (!waitUntilDue(_waiting[track]->dts)) return AVERROR_EXIT;
		av_packet_unref(&packet);
		av_packet_move_ref(&packet, _waiting[track].get());
		return 0;
	}
	catch (...)
	{
		return AVERROR_BUG;
	}
}

void DemoProducer::interrupt()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_interrupted = true;
	}
	_wakeUp.notify_all();
}

int DemoProducer::nextTrack()
{
	for (int index : {VIDEO, AUDIO})
	{
		AVPacket& waiting = *_waiting[index];
		if (waiting.size > 0) continue; // moved-out packets are empty
		const int result = _tracks[index]->read(waiting);
		if (result < 0) return result;
		av_packet_rescale_ts(&waiting, _tracks[index]->timeBase(), TIME_BASE);
		waiting.stream_index = index;
	}
	return _waiting[AUDIO]->dts < _waiting[VIDEO]->dts ? AUDIO : VIDEO;
}

bool DemoProducer::waitUntilDue(int64_t dts)
{
	if (!_started)
	{
		_started = true;
		_start = std::chrono::steady_clock::now();
		_startDts = dts;
	}
	const auto due = _start + std::chrono::microseconds(av_rescale_q(dts - _startDts, TIME_BASE, AVRational{1, 1000000}));
	std::unique_lock<std::mutex> lock(_mutex);
	return !_wakeUp.wait_until(lock, due, [this] { return _interrupted; });
}

} // namespace sourcedemo
