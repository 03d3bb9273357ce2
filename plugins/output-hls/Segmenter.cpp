//
// Segmenter.cpp
//

#include "Segmenter.h"
#include "SegmentCut.h"
#include <Poco/Exception.h>
#include <algorithm>

extern "C" {
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
}

namespace outputhls {

namespace {

const int IO_BUFFER_SIZE = 188 * 64;           // whole TS packets
const Poco::Int64 LONGEST_MAX_DELAY = 100000;  // microseconds

} // namespace

Segmenter::Segmenter(Poco::Timespan targetDuration, Listener listener):
	_target(targetDuration.totalMicroseconds()),
	_listener(std::move(listener))
{
}

Segmenter::~Segmenter()
{
	close();
	av_packet_free(&_packet);
}

void Segmenter::begin(const restream::ChannelFormat& format)
{
	if (format.tracks.empty() || !format.tracks.front().parameters ||
		format.tracks.front().parameters->codec_type != AVMEDIA_TYPE_VIDEO)
		throw Poco::InvalidArgumentException("the channel's first track must be video");
	if (_segmentOpen) cut(_segmentEnd);
	freeMuxer();
	_clock.restart();
	if (_emitted) _discontinuity = true;

	if (!_packet && !(_packet = av_packet_alloc())) throw Poco::OutOfMemoryException("av_packet_alloc");
	_muxer = std::make_unique<MemoryMuxer>("mpegts", format, IO_BUFFER_SIZE);
	for (const restream::ChannelFormat::Track& track : format.tracks) _timeBases.push_back(track.timeBase);
}

void Segmenter::write(const AVPacket& packet)
{
	if (!_muxer) throw Poco::IllegalStateException("packet written before begin()");
	if (packet.stream_index < 0 || static_cast<std::size_t>(packet.stream_index) >= _timeBases.size())
		throw Poco::InvalidArgumentException("packet of an unknown track", std::to_string(packet.stream_index));

	const bool video = packet.stream_index == 0;
	const bool keyframe = video && (packet.flags & AV_PKT_FLAG_KEY);
	const Poco::Int64 presentation = packet.pts != AV_NOPTS_VALUE ? packet.pts : packet.dts;
	if (video) _clock.observe(av_rescale_q(presentation, _timeBases.front(), AV_TIME_BASE_Q));
	if (!_segmentOpen)
	{
		if (!keyframe) return;  // a segment must start with a keyframe to decode on its own
		if (!_headerWritten) startRun(packet.dts);
		startSegment(presentation);
	}
	else if (keyframe)
	{
		const Poco::Int64 elapsed = av_rescale_q(presentation - _segmentStart, _timeBases.front(), AV_TIME_BASE_Q);
		if (SegmentCut::due(elapsed, _target, _firstOfRun))
		{
			cut(presentation);
			startSegment(presentation);
			_firstOfRun = false;
		}
	}
	if (video) _segmentEnd = std::max(_segmentEnd, presentation + packet.duration);

	MemoryMuxer::check(av_packet_ref(_packet, &packet), "cannot reference a packet");
	av_packet_rescale_ts(_packet, _timeBases[static_cast<std::size_t>(packet.stream_index)],
		_muxer->context()->streams[packet.stream_index]->time_base);
	const int result = av_write_frame(_muxer->context(), _packet);
	av_packet_unref(_packet);
	MemoryMuxer::check(result, "cannot mux a packet");
}

void Segmenter::finish()
{
	try
	{
		if (_segmentOpen && _muxer) cut(_segmentEnd);
	}
	catch (...)
	{
		close();
		throw;
	}
	close();
}

void Segmenter::close()
{
	freeMuxer();
	_segmentOpen = false;
}

void Segmenter::startRun(Poco::Int64 firstDts)
{
	const Poco::Int64 dts =
		firstDts == AV_NOPTS_VALUE ? 0 : av_rescale_q(firstDts, _timeBases.front(), AV_TIME_BASE_Q);
	_muxer->context()->max_delay = static_cast<int>(std::min(std::max<Poco::Int64>(dts, 0), LONGEST_MAX_DELAY));
	_muxer->context()->avoid_negative_ts = AVFMT_AVOID_NEG_TS_DISABLED;
	AVDictionary* options = nullptr;
	av_dict_set(&options, "mpegts_copyts", "1", 0);
	if (_discontinuity) av_dict_set(&options, "mpegts_flags", "+initial_discontinuity", 0);
	const int result = avformat_write_header(_muxer->context(), &options);
	av_dict_free(&options);
	MemoryMuxer::check(result, "cannot start the MPEG-TS muxer");
	_headerWritten = true;
	_firstOfRun = true;
}

void Segmenter::startSegment(Poco::Int64 presentation)
{
	MemoryMuxer::check(av_opt_set(_muxer->context()->priv_data, "mpegts_flags", "+resend_headers", 0), "cannot set mpegts_flags");
	_segmentOpen = true;
	_segmentStart = presentation;
	_segmentEnd = presentation;
}

void Segmenter::cut(Poco::Int64 end)
{
	_segmentOpen = false;
	_muxer->flush("cannot write a segment");
	auto bytes = std::make_shared<const std::string>(_muxer->takeBytes());

	Segment segment;
	segment.data = std::move(bytes);
	segment.duration = av_rescale_q(end - _segmentStart, _timeBases.front(), AV_TIME_BASE_Q);
	segment.programDateTime = _clock.at(av_rescale_q(_segmentStart, _timeBases.front(), AV_TIME_BASE_Q));
	_clock.fix();
	segment.discontinuity = _discontinuity;
	if (segment.duration <= 0) return;  // a lone frame without a duration: nothing a player could time
	_discontinuity = false;
	_emitted = true;
	_listener(std::move(segment));
}

void Segmenter::freeMuxer()
{
	_muxer.reset();
	_timeBases.clear();
	_headerWritten = false;
}

} // namespace outputhls
