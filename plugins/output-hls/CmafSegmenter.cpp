//
// CmafSegmenter.cpp
//

#include "CmafSegmenter.h"
#include "PictureSize.h"
#include "SegmentCut.h"
#include <Poco/ByteOrder.h>
#include <Poco/Exception.h>
#include <algorithm>
#include <cstring>

extern "C" {
#include <libavutil/error.h>
#include <libavutil/mathematics.h>
}

namespace outputhls {

namespace {

const int IO_BUFFER_SIZE = 64 * 1024;

} // namespace

CmafSegmenter::CmafSegmenter(Poco::Timespan segmentTarget, Poco::Timespan partTarget, Listener listener):
	_segmentTarget(segmentTarget.totalMicroseconds()),
	_partTarget(partTarget.totalMicroseconds()),
	_listener(std::move(listener))
{
}

CmafSegmenter::~CmafSegmenter()
{
	close();
	av_packet_free(&_packet);
}

void CmafSegmenter::begin(const restream::ChannelFormat& format)
{
	if (format.tracks.empty() || !format.tracks.front().parameters ||
		format.tracks.front().parameters->codec_type != AVMEDIA_TYPE_VIDEO)
		throw Poco::InvalidArgumentException("the channel's first track must be video");
	if (_partOpen) cut(_videoEnd);
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

void CmafSegmenter::write(const AVPacket& packet)
{
	if (!_muxer) throw Poco::IllegalStateException("packet written before begin()");
	if (packet.stream_index < 0 || static_cast<std::size_t>(packet.stream_index) >= _timeBases.size())
		throw Poco::InvalidArgumentException("packet of an unknown track", std::to_string(packet.stream_index));

	const bool video = packet.stream_index == 0;
	const bool keyframe = video && (packet.flags & AV_PKT_FLAG_KEY);
	const Poco::Int64 dts = packet.dts != AV_NOPTS_VALUE ? packet.dts : packet.pts;
	if (video) _clock.observe(microseconds(packet.pts != AV_NOPTS_VALUE ? packet.pts : dts));
	if (!_headerWritten)
	{
		if (!keyframe) return;  // a run must start with a keyframe to decode
		_presentationDelay = packet.pts != AV_NOPTS_VALUE ? packet.pts - dts : 0;
		PictureSize::fill(*_muxer->context()->streams[0]->codecpar, packet);
		startRun();
		_segmentStartDts = dts;
		startPart(dts, true, true);
	}
	else if (video)
	{
		if (keyframe)
		{
			const bool newSegment = SegmentCut::due(microseconds(dts - _segmentStartDts), _segmentTarget, _firstOfRun);
			cut(dts);
			if (newSegment)
			{
				_segmentStartDts = dts;
				_firstOfRun = false;
			}
			startPart(dts, true, newSegment);
		}
		else if (microseconds(dts + packet.duration - _partStart) > _partTarget && dts > _partStart)
		{
			cut(dts);
			startPart(dts, false, false);
		}
	}
	if (video) _videoEnd = std::max(_videoEnd, dts + packet.duration);

	MemoryMuxer::check(av_packet_ref(_packet, &packet), "cannot reference a packet");
	mux(_packet);
}

void CmafSegmenter::mux(AVPacket* packet)
{
	const auto track = static_cast<std::size_t>(packet->stream_index);
	AVBSFContext* filter = _filters[track];
	if (!filter)
	{
		rescale(*packet, _timeBases[track], _muxer->context()->streams[track]->time_base);
		const int result = av_write_frame(_muxer->context(), packet);
		av_packet_unref(packet);
		MemoryMuxer::check(result, "cannot mux a packet");
		return;
	}
	const int sent = av_bsf_send_packet(filter, packet);
	av_packet_unref(packet);
	MemoryMuxer::check(sent, "cannot filter a packet");
	int result = 0;
	while ((result = av_bsf_receive_packet(filter, packet)) >= 0)
	{
		rescale(*packet, filter->time_base_out, _muxer->context()->streams[track]->time_base);
		packet->stream_index = static_cast<int>(track);
		result = av_write_frame(_muxer->context(), packet);
		av_packet_unref(packet);
		MemoryMuxer::check(result, "cannot mux a packet");
	}
	if (result != AVERROR(EAGAIN)) MemoryMuxer::check(result, "cannot filter a packet");
}

void CmafSegmenter::finish()
{
	try
	{
		if (_partOpen && _muxer) cut(_videoEnd);
	}
	catch (...)
	{
		close();
		throw;
	}
	close();
}

void CmafSegmenter::close()
{
	freeMuxer();
	_partOpen = false;
}

void CmafSegmenter::openMuxer(const restream::ChannelFormat& format)
{
	restream::ChannelFormat muxed = format;  // AAC as its bitstream filter gives it
	for (std::size_t index = 0; index < format.tracks.size(); ++index)
	{
		const restream::ChannelFormat::Track& track = format.tracks[index];
		if (!track.parameters) throw Poco::InvalidArgumentException("a track has no codec parameters");
		_timeBases.push_back(track.timeBase);
		_filters.push_back(nullptr);
		if (track.parameters->codec_id != AV_CODEC_ID_AAC) continue;
		const AVBitStreamFilter* adtsToAsc = av_bsf_get_by_name("aac_adtstoasc");
		if (!adtsToAsc) throw Poco::NotFoundException("FFmpeg has no aac_adtstoasc bitstream filter");
		MemoryMuxer::check(av_bsf_alloc(adtsToAsc, &_filters.back()), "cannot create the aac_adtstoasc filter");
		MemoryMuxer::check(avcodec_parameters_copy(_filters.back()->par_in, track.parameters), "cannot copy codec parameters");
		_filters.back()->time_base_in = track.timeBase;
		MemoryMuxer::check(av_bsf_init(_filters.back()), "cannot start the aac_adtstoasc filter");
		muxed.tracks[index].parameters = _filters.back()->par_out;
		muxed.tracks[index].timeBase = _filters.back()->time_base_out;
	}
	_muxer = std::make_unique<MemoryMuxer>("mp4", muxed, IO_BUFFER_SIZE);
}

void CmafSegmenter::startRun()
{
	AVDictionary* options = nullptr;
	av_dict_set(&options, "movflags", "+frag_custom+empty_moov+delay_moov+default_base_moof", 0);
	const int result = avformat_write_header(_muxer->context(), &options);
	av_dict_free(&options);
	MemoryMuxer::check(result, "cannot start the MP4 muxer");
	_headerWritten = true;
	_firstOfRun = true;
}

void CmafSegmenter::startPart(Poco::Int64 dts, bool independent, bool segmentStart)
{
	_partOpen = true;
	_partStart = dts;
	_independent = independent;
	_segmentStart = segmentStart;
}

void CmafSegmenter::cut(Poco::Int64 end)
{
	_partOpen = false;
	_muxer->flush("cannot write a part");
	if (!_init)
	{
		// delay_moov: the first flush writes ftyp + moov only, the next one the fragment
		std::string& bytes = _muxer->bytes();
		const std::size_t fragment = firstFragment(bytes);
		_init = std::make_shared<const std::string>(bytes, 0, fragment);
		bytes.erase(0, fragment);
		if (bytes.empty()) _muxer->flush("cannot write a part");
	}
	auto bytes = std::make_shared<const std::string>(_muxer->takeBytes());

	Part part;
	part.data = std::move(bytes);
	part.init = _init;
	part.duration = microseconds(end - _partStart);
	part.independent = _independent;
	part.segmentStart = _segmentStart;
	part.programDateTime = _clock.at(microseconds(_partStart + _presentationDelay));
	_clock.fix();
	part.discontinuity = _discontinuity;
	if (part.duration <= 0 || part.data->empty()) return;  // nothing a player could time
	_discontinuity = false;
	_emitted = true;
	_listener(std::move(part));
}

void CmafSegmenter::freeMuxer()
{
	_muxer.reset();
	for (AVBSFContext*& filter : _filters) av_bsf_free(&filter);
	_filters.clear();
	_timeBases.clear();
	_headerWritten = false;
	_init.reset();
}

void CmafSegmenter::rescale(AVPacket& packet, AVRational from, AVRational to)
{
	const Poco::Int64 end = av_rescale_q(packet.dts + packet.duration, from, to);
	if (packet.pts != AV_NOPTS_VALUE) packet.pts = av_rescale_q(packet.pts, from, to);
	packet.dts = av_rescale_q(packet.dts, from, to);
	packet.duration = end - packet.dts;
	packet.time_base = to;
}

Poco::Int64 CmafSegmenter::microseconds(Poco::Int64 videoTime) const
{
	return av_rescale_q(videoTime, _timeBases.front(), AV_TIME_BASE_Q);
}

std::size_t CmafSegmenter::firstFragment(const std::string& bytes)
{
	std::size_t offset = 0;
	while (offset + 8 <= bytes.size())
	{
		Poco::UInt32 size = 0;
		std::memcpy(&size, bytes.data() + offset, sizeof(size));
		size = Poco::ByteOrder::fromNetwork(size);
		if (bytes.compare(offset + 4, 4, "moof") == 0) return offset;
		if (size < 8) break;  // a box to the end of the file, or a 64-bit size: the muxer writes neither before moof
		offset += size;
	}
	return bytes.size();
}

} // namespace outputhls
