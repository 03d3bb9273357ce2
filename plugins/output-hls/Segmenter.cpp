//
// Segmenter.cpp
//

#include "Segmenter.h"
#include <Poco/Exception.h>
#include <algorithm>

extern "C" {
#include <libavutil/error.h>
#include <libavutil/mathematics.h>
#include <libavutil/mem.h>
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
	try
	{
		openMuxer(format);
	}
	catch (...)
	{
		freeMuxer();
		throw;
	}
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
		if (elapsed >= _target - _target / 20)
		{
			cut(presentation);
			startSegment(presentation);
		}
	}
	if (video) _segmentEnd = std::max(_segmentEnd, presentation + packet.duration);

	check(av_packet_ref(_packet, &packet), "cannot reference a packet");
	av_packet_rescale_ts(_packet, _timeBases[static_cast<std::size_t>(packet.stream_index)],
		_muxer->streams[packet.stream_index]->time_base);
	const int result = av_write_frame(_muxer, _packet);
	av_packet_unref(_packet);
	check(result, "cannot mux a packet");
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
	std::string().swap(_bytes);
}

void Segmenter::openMuxer(const restream::ChannelFormat& format)
{
	check(avformat_alloc_output_context2(&_muxer, nullptr, "mpegts", nullptr), "cannot create an MPEG-TS muxer");
	for (const restream::ChannelFormat::Track& track : format.tracks)
	{
		if (!track.parameters) throw Poco::InvalidArgumentException("a track has no codec parameters");
		AVStream* stream = avformat_new_stream(_muxer, nullptr);
		if (!stream) throw Poco::OutOfMemoryException("avformat_new_stream");
		check(avcodec_parameters_copy(stream->codecpar, track.parameters), "cannot copy codec parameters");
		stream->codecpar->codec_tag = 0;
		stream->time_base = track.timeBase;
		_timeBases.push_back(track.timeBase);
	}
	auto* buffer = static_cast<unsigned char*>(av_malloc(IO_BUFFER_SIZE));
	if (!buffer) throw Poco::OutOfMemoryException("av_malloc");
	_muxer->pb = avio_alloc_context(buffer, IO_BUFFER_SIZE, 1, this, nullptr, &Segmenter::appendBytes, nullptr);
	if (!_muxer->pb)
	{
		av_free(buffer);
		throw Poco::OutOfMemoryException("avio_alloc_context");
	}
}

void Segmenter::startRun(Poco::Int64 firstDts)
{
	const Poco::Int64 dts =
		firstDts == AV_NOPTS_VALUE ? 0 : av_rescale_q(firstDts, _timeBases.front(), AV_TIME_BASE_Q);
	_muxer->max_delay = static_cast<int>(std::min(std::max<Poco::Int64>(dts, 0), LONGEST_MAX_DELAY));
	_muxer->avoid_negative_ts = AVFMT_AVOID_NEG_TS_DISABLED;
	AVDictionary* options = nullptr;
	av_dict_set(&options, "mpegts_copyts", "1", 0);
	if (_discontinuity) av_dict_set(&options, "mpegts_flags", "+initial_discontinuity", 0);
	const int result = avformat_write_header(_muxer, &options);
	av_dict_free(&options);
	check(result, "cannot start the MPEG-TS muxer");
	_headerWritten = true;
}

void Segmenter::startSegment(Poco::Int64 presentation)
{
	check(av_opt_set(_muxer->priv_data, "mpegts_flags", "+resend_headers", 0), "cannot set mpegts_flags");
	_segmentOpen = true;
	_segmentStart = presentation;
	_segmentEnd = presentation;
}

void Segmenter::cut(Poco::Int64 end)
{
	_segmentOpen = false;
	check(av_write_frame(_muxer, nullptr), "cannot flush the MPEG-TS muxer");
	avio_flush(_muxer->pb);
	check(_muxer->pb->error, "cannot write a segment");

	auto bytes = std::make_shared<std::string>();
	bytes->swap(_bytes);
	_bytes.reserve(bytes->size() + bytes->size() / 8);  // the next one is about as long

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
	if (_muxer)
	{
		AVIOContext* io = _muxer->pb;
		_muxer->pb = nullptr;
		avformat_free_context(_muxer);
		_muxer = nullptr;
		if (io) av_freep(&io->buffer);
		avio_context_free(&io);
	}
	_timeBases.clear();
	_headerWritten = false;
}

void Segmenter::check(int result, const std::string& what)
{
	if (result >= 0) return;
	char message[AV_ERROR_MAX_STRING_SIZE] = {};
	av_strerror(result, message, sizeof(message));
	throw Poco::IOException(what, message);
}

int Segmenter::appendBytes(void* opaque, uint8_t* data, int size)
{
	try
	{
		static_cast<Segmenter*>(opaque)->_bytes.append(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
		return size;
	}
	catch (const std::bad_alloc&)
	{
		return AVERROR(ENOMEM);
	}
}

} // namespace outputhls
