//
// EncoderSession.cpp
//
// Library: fakeprovider
//


#include "EncoderSession.h"
#include "fakeprovider/FrameClock.h"
#include "Poco/Exception.h"
#include "Poco/Format.h"
#include "Poco/Timestamp.h"
#include <cstring>
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/mem.h>
#include <libavutil/opt.h>
}


namespace fakeprovider {


namespace {


const int X264_KEYINT = 600; // longer than any gopFrames: every keyframe is a forced one
const int SAMPLE_RATE = 48000;
const int TS_PACKET_SIZE = 188;
const int IO_BUFFER_SIZE = TS_PACKET_SIZE * 64;


void check(int rc, const char* what)
{
	if (rc < 0)
	{
		char text[AV_ERROR_MAX_STRING_SIZE] = {0};
		av_strerror(rc, text, sizeof(text));
		throw Poco::RuntimeException(Poco::format("FFmpeg: %s failed", std::string(what)), std::string(text));
	}
}


template <typename T>
T* checkPtr(T* ptr, const char* what)
{
	if (!ptr) throw Poco::RuntimeException(Poco::format("FFmpeg: %s failed", std::string(what)));
	return ptr;
}


Poco::Int64 toMicroseconds(Poco::Int64 ts, AVRational timeBase)
{
	return av_rescale_q(ts, timeBase, AVRational{1, 1000000});
}


} // namespace


EncoderSession::EncoderSession(const EncodingProfile& profile, const std::string& serviceName, Sink sink):
	_sink(std::move(sink))
{
	try
	{
		_pFrame = checkPtr(av_frame_alloc(), "av_frame_alloc");
		_pPacket = checkPtr(av_packet_alloc(), "av_packet_alloc");
		openVideo(profile);
		for (const auto& track: profile.audioTracks) openAudio(track);
		buildGraph(profile);
		openMuxer(profile, serviceName);
	}
	catch (...)
	{
		release();
		throw;
	}
}


EncoderSession::~EncoderSession()
{
	release();
}


Poco::Int64 EncoderSession::nextDue() const
{
	Poco::Int64 due = _tracks.front().nextDue;
	for (const auto& track: _tracks) due = std::min(due, track.nextDue);
	return due;
}


void EncoderSession::produce(const Settings& settings)
{
	Track* pTrack = &_tracks.front();
	for (auto& track: _tracks)
	{
		if (track.nextDue < pTrack->nextDue) pTrack = &track;
	}
	check(av_buffersink_get_frame(pTrack->sink, _pFrame), "av_buffersink_get_frame");
	const AVRational sinkTimeBase = av_buffersink_get_time_base(pTrack->sink);
	const bool isVideo = pTrack == &_tracks.front();
	const Poco::Int64 length = isVideo ? 1 : _pFrame->nb_samples;
	pTrack->nextDue = toMicroseconds(_pFrame->pts + length, sinkTimeBase);
	_pFrame->pts = av_rescale_q(_pFrame->pts, sinkTimeBase, pTrack->codec->time_base);
	std::size_t videoFrameBytes = 0;
	if (isVideo)
	{
		const bool keyframe = _framesSinceKeyframe < 0 || _framesSinceKeyframe >= settings.gopFrames;
		_framesSinceKeyframe = keyframe ? 1 : _framesSinceKeyframe + 1;
		_pFrame->pict_type = keyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
		videoFrameBytes = static_cast<std::size_t>(settings.videoBitRate / 8 / FRAME_RATE);
		const int writable = av_frame_make_writable(_pFrame);
		if (writable < 0) av_frame_unref(_pFrame);
		check(writable, "av_frame_make_writable");
		FrameClock::stamp(*_pFrame, Poco::Timestamp().epochMicroseconds() / 1000);
	}
	const int rc = avcodec_send_frame(pTrack->codec, _pFrame);
	av_frame_unref(_pFrame);
	check(rc, "avcodec_send_frame");
	mux(*pTrack, videoFrameBytes);
}


void EncoderSession::openVideo(const EncodingProfile& profile)
{
	const AVCodec* pCodec = checkPtr(avcodec_find_encoder_by_name("libx264"), "avcodec_find_encoder_by_name(libx264)");
	Track track;
	track.codec = checkPtr(avcodec_alloc_context3(pCodec), "avcodec_alloc_context3");
	_tracks.push_back(track);
	AVCodecContext* pContext = track.codec;
	pContext->width = profile.width;
	pContext->height = profile.height;
	pContext->pix_fmt = AV_PIX_FMT_YUV420P;
	pContext->time_base = AVRational{1, FRAME_RATE};
	pContext->framerate = AVRational{FRAME_RATE, 1};
	pContext->sample_aspect_ratio = AVRational{1, 1};
	pContext->gop_size = X264_KEYINT;
	pContext->max_b_frames = 0;
	pContext->bit_rate = profile.videoBitRate;
	pContext->rc_max_rate = profile.videoBitRate;
	pContext->rc_buffer_size = profile.videoBitRate;
	pContext->thread_count = 1;
	AVDictionary* pOptions = nullptr;
	av_dict_set(&pOptions, "preset", "ultrafast", 0);
	av_dict_set(&pOptions, "tune", "zerolatency", 0);
	av_dict_set(&pOptions, "x264-params", "scenecut=0", 0);
	av_dict_set(&pOptions, "forced-idr", "1", 0);
	const int rc = avcodec_open2(pContext, pCodec, &pOptions);
	av_dict_free(&pOptions);
	check(rc, "avcodec_open2(libx264)");
}


void EncoderSession::openAudio(const EncodingProfile::AudioTrack& audio)
{
	const AVCodec* pCodec = checkPtr(avcodec_find_encoder_by_name(audio.encoder.c_str()), "avcodec_find_encoder_by_name");
	Track track;
	track.codec = checkPtr(avcodec_alloc_context3(pCodec), "avcodec_alloc_context3");
	_tracks.push_back(track);
	AVCodecContext* pContext = track.codec;
	pContext->sample_fmt = pCodec->sample_fmts ? pCodec->sample_fmts[0] : AV_SAMPLE_FMT_FLTP;
	pContext->sample_rate = SAMPLE_RATE;
	av_channel_layout_default(&pContext->ch_layout, 2);
	pContext->time_base = AVRational{1, SAMPLE_RATE};
	pContext->bit_rate = audio.bitRate;
	check(avcodec_open2(pContext, pCodec, nullptr), "avcodec_open2(audio)");
}


void EncoderSession::buildGraph(const EncodingProfile& profile)
{
	_pGraph = checkPtr(avfilter_graph_alloc(), "avfilter_graph_alloc");
	_pGraph->nb_threads = 1;
	std::string description = Poco::format("testsrc2=size=%dx%d:rate=%d,format=yuv420p[v0]", profile.width, profile.height, FRAME_RATE);
	for (std::size_t i = 0; i < profile.audioTracks.size(); ++i)
	{
		description += Poco::format(";sine=frequency=%d:sample_rate=%d:beep_factor=4,aformat=sample_fmts=%s:sample_rates=%d:channel_layouts=stereo[a%z]",
			profile.audioTracks[i].frequency, SAMPLE_RATE,
			std::string(av_get_sample_fmt_name(_tracks[i + 1].codec->sample_fmt)), SAMPLE_RATE, i);
	}

	AVFilterInOut* pInputs = nullptr;
	for (std::size_t i = _tracks.size(); i-- > 0; )
	{
		const bool isVideo = i == 0;
		const std::string name = isVideo ? "v0" : Poco::format("a%z", i - 1);
		AVFilterContext* pSink = nullptr;
		check(avfilter_graph_create_filter(&pSink, avfilter_get_by_name(isVideo ? "buffersink" : "abuffersink"),
			("out_" + name).c_str(), nullptr, nullptr, _pGraph), "avfilter_graph_create_filter");
		_tracks[i].sink = pSink;
		AVFilterInOut* pInOut = avfilter_inout_alloc();
		if (!pInOut)
		{
			avfilter_inout_free(&pInputs);
			throw Poco::RuntimeException("FFmpeg: avfilter_inout_alloc failed");
		}
		pInOut->name = av_strdup(name.c_str());
		pInOut->filter_ctx = pSink;
		pInOut->pad_idx = 0;
		pInOut->next = pInputs;
		pInputs = pInOut;
	}
	AVFilterInOut* pOutputs = nullptr;
	const int rc = avfilter_graph_parse_ptr(_pGraph, description.c_str(), &pInputs, &pOutputs, nullptr);
	avfilter_inout_free(&pInputs);
	avfilter_inout_free(&pOutputs);
	check(rc, "avfilter_graph_parse_ptr");
	check(avfilter_graph_config(_pGraph, nullptr), "avfilter_graph_config");
	for (std::size_t i = 1; i < _tracks.size(); ++i)
	{
		av_buffersink_set_frame_size(_tracks[i].sink, static_cast<unsigned>(_tracks[i].codec->frame_size));
	}
}


void EncoderSession::openMuxer(const EncodingProfile& profile, const std::string& serviceName)
{
	check(avformat_alloc_output_context2(&_pFormat, nullptr, "mpegts", nullptr), "avformat_alloc_output_context2(mpegts)");
	auto* pBuffer = static_cast<unsigned char*>(checkPtr(av_malloc(IO_BUFFER_SIZE), "av_malloc"));
	_pIO = avio_alloc_context(pBuffer, IO_BUFFER_SIZE, 1, this, nullptr, &EncoderSession::writePacket, nullptr);
	if (!_pIO)
	{
		av_free(pBuffer);
		throw Poco::RuntimeException("FFmpeg: avio_alloc_context failed");
	}
	_pFormat->pb = _pIO;
	_pFormat->flags |= AVFMT_FLAG_CUSTOM_IO;
	_pFormat->flush_packets = 1;
	_pFormat->max_delay = 700000;
	av_dict_set(&_pFormat->metadata, "service_name", serviceName.c_str(), 0);
	av_dict_set(&_pFormat->metadata, "service_provider", "fake-xtream", 0);

	for (std::size_t i = 0; i < _tracks.size(); ++i)
	{
		Track& track = _tracks[i];
		track.stream = checkPtr(avformat_new_stream(_pFormat, nullptr), "avformat_new_stream");
		track.stream->id = VIDEO_PID + static_cast<int>(i);
		check(avcodec_parameters_from_context(track.stream->codecpar, track.codec), "avcodec_parameters_from_context");
		track.stream->time_base = track.codec->time_base;
		if (i > 0 && !profile.audioTracks[i - 1].language.empty())
		{
			av_dict_set(&track.stream->metadata, "language", profile.audioTracks[i - 1].language.c_str(), 0);
		}
	}
	check(avformat_write_header(_pFormat, nullptr), "avformat_write_header");
}


void EncoderSession::mux(Track& track, std::size_t videoFrameBytes)
	/// Muxes what the track's encoder has; pads video packets shorter than videoFrameBytes with
	/// one filler data NAL unit (start code, type 12, 0xFF bytes, the stop bit).
{
	static const std::uint8_t FILLER_HEAD[] = {0, 0, 0, 1, 12};
	for (;;)
	{
		const int rc = avcodec_receive_packet(track.codec, _pPacket);
		if (rc == AVERROR(EAGAIN)) return;
		check(rc, "avcodec_receive_packet");
		const std::size_t size = static_cast<std::size_t>(_pPacket->size);
		if (videoFrameBytes > size + sizeof(FILLER_HEAD) + 1)
		{
			const int growth = static_cast<int>(videoFrameBytes - size);
			check(av_grow_packet(_pPacket, growth), "av_grow_packet");
			std::uint8_t* pFiller = _pPacket->data + size;
			std::memcpy(pFiller, FILLER_HEAD, sizeof(FILLER_HEAD));
			std::memset(pFiller + sizeof(FILLER_HEAD), 0xFF, static_cast<std::size_t>(growth) - sizeof(FILLER_HEAD) - 1);
			pFiller[growth - 1] = 0x80;
		}
		if (_pPacket->duration == 0)
		{
			_pPacket->duration = track.codec->codec_type == AVMEDIA_TYPE_VIDEO ? 1 : track.codec->frame_size;
		}
		_pPacket->stream_index = track.stream->index;
		av_packet_rescale_ts(_pPacket, track.codec->time_base, track.stream->time_base);
		check(av_write_frame(_pFormat, _pPacket), "av_write_frame");
	}
}


void EncoderSession::release()
{
	if (_pFormat)
	{
		_pFormat->pb = nullptr;
		avformat_free_context(_pFormat);
		_pFormat = nullptr;
	}
	if (_pIO)
	{
		av_freep(&_pIO->buffer);
		avio_context_free(&_pIO);
	}
	avfilter_graph_free(&_pGraph);
	for (auto& track: _tracks) avcodec_free_context(&track.codec);
	_tracks.clear();
	av_packet_free(&_pPacket);
	av_frame_free(&_pFrame);
}


int EncoderSession::writePacket(void* opaque, std::uint8_t* data, int size)
{
	auto* pSession = static_cast<EncoderSession*>(opaque);
	pSession->_sink(data, size);
	return size;
}


} // namespace fakeprovider
