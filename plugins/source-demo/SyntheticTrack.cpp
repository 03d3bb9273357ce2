//
// SyntheticTrack.cpp
//

#include "SyntheticTrack.h"
#include <Poco/Exception.h>

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
}

namespace sourcedemo {

namespace {

void check(int result, const std::string& what)
	/// Throws Poco::RuntimeException naming what failed and why, if result
	/// is an AVERROR.
{
	if (result >= 0) return;
	char reason[AV_ERROR_MAX_STRING_SIZE] = {};
	av_strerror(result, reason, sizeof(reason));
	throw Poco::RuntimeException(what + ": " + reason);
}

} // namespace

SyntheticTrack::SyntheticTrack(const std::string& filters, const std::string& encoderName,
	const std::map<std::string, std::string>& options):
	_frame(av_frame_alloc())
{
	const AVCodec* codec = avcodec_find_encoder_by_name(encoderName.c_str());
	if (!codec) throw Poco::NotFoundException("FFmpeg has no encoder " + encoderName);
	if (!_frame) throw Poco::OutOfMemoryException("av_frame_alloc");
	buildGraph(filters, codec->type);
	openEncoder(*codec, options);
}

SyntheticTrack::~SyntheticTrack()
{
	AVPointer<AVPacket, av_packet_free> packet(av_packet_alloc());
	if (!packet || avcodec_send_frame(_encoder.get(), nullptr) < 0) return;
	while (avcodec_receive_packet(_encoder.get(), packet.get()) == 0) av_packet_unref(packet.get());
}

void SyntheticTrack::buildGraph(const std::string& filters, AVMediaType type)
{
	_graph.reset(avfilter_graph_alloc());
	if (!_graph) throw Poco::OutOfMemoryException("avfilter_graph_alloc");
	// Filters would otherwise start a pool of threads per graph (one per core),
	// which a channel this small does not need.
	_graph->nb_threads = 1;

	// The sink is where we take frames out; the description's unlabelled output
	// is linked to it under the name "out".
	const AVFilter* sink = avfilter_get_by_name(type == AVMEDIA_TYPE_VIDEO ? "buffersink" : "abuffersink");
	check(avfilter_graph_create_filter(&_sink, sink, "out", nullptr, nullptr, _graph.get()), "cannot create the sink");

	AVFilterInOut* output = avfilter_inout_alloc();
	if (!output) throw Poco::OutOfMemoryException("avfilter_inout_alloc");
	output->name = av_strdup("out");
	output->filter_ctx = _sink;
	output->pad_idx = 0;
	output->next = nullptr;
	const int parsed = avfilter_graph_parse_ptr(_graph.get(), filters.c_str(), &output, nullptr, nullptr);
	avfilter_inout_free(&output);
	check(parsed, "cannot parse the filter graph '" + filters + "'");
	check(avfilter_graph_config(_graph.get(), nullptr), "cannot configure the filter graph '" + filters + "'");
}

void SyntheticTrack::openEncoder(const AVCodec& codec, const std::map<std::string, std::string>& options)
{
	_encoder.reset(avcodec_alloc_context3(&codec));
	if (!_encoder) throw Poco::OutOfMemoryException("avcodec_alloc_context3");

	// What the graph outputs is what the encoder gets.
	_encoder->time_base = av_buffersink_get_time_base(_sink);
	if (codec.type == AVMEDIA_TYPE_VIDEO)
	{
		_encoder->width = av_buffersink_get_w(_sink);
		_encoder->height = av_buffersink_get_h(_sink);
		_encoder->pix_fmt = static_cast<AVPixelFormat>(av_buffersink_get_format(_sink));
		_encoder->sample_aspect_ratio = av_buffersink_get_sample_aspect_ratio(_sink);
		_encoder->framerate = av_buffersink_get_frame_rate(_sink);
	}
	else
	{
		_encoder->sample_rate = av_buffersink_get_sample_rate(_sink);
		_encoder->sample_fmt = static_cast<AVSampleFormat>(av_buffersink_get_format(_sink));
		check(av_buffersink_get_ch_layout(_sink, &_encoder->ch_layout), "cannot read the channel layout");
	}
	// No AV_CODEC_FLAG_GLOBAL_HEADER: MPEG-TS wants H.264's SPS and PPS in
	// band, before every keyframe, and that is what libx264 does without it.

	AVDictionary* dictionary = nullptr;
	for (const auto& option : options) av_dict_set(&dictionary, option.first.c_str(), option.second.c_str(), 0);
	const int opened = avcodec_open2(_encoder.get(), &codec, &dictionary);
	// avcodec_open2 takes out of the dictionary every option it used.
	const AVDictionaryEntry* unused = av_dict_get(dictionary, "", nullptr, AV_DICT_IGNORE_SUFFIX);
	const std::string unusedName = unused ? unused->key : "";
	av_dict_free(&dictionary);
	check(opened, std::string("cannot open the encoder ") + codec.name);
	if (!unusedName.empty()) throw Poco::InvalidArgumentException(std::string(codec.name) + " has no option " + unusedName);

	if (codec.type == AVMEDIA_TYPE_VIDEO)
	{
		_frameDuration = av_rescale_q(1, av_inv_q(_encoder->framerate), _encoder->time_base);
	}
	else
	{
		const AVRational perSample{1, _encoder->sample_rate};
		// AAC takes frames of exactly frame_size samples: the sink cuts them.
		if (_encoder->frame_size > 0) av_buffersink_set_frame_size(_sink, static_cast<unsigned>(_encoder->frame_size));
		_frameDuration = av_rescale_q(_encoder->frame_size > 0 ? _encoder->frame_size : 1, perSample, _encoder->time_base);
		// The encoder dates its first packet initial_padding samples (AAC's
		// priming) before the first frame; shifting the frames by as much
		// makes the track start at 0, like the video.
		_ptsShift = av_rescale_q(_encoder->initial_padding, perSample, _encoder->time_base);
	}

	_parameters.reset(avcodec_parameters_alloc());
	if (!_parameters) throw Poco::OutOfMemoryException("avcodec_parameters_alloc");
	check(avcodec_parameters_from_context(_parameters.get(), _encoder.get()), "cannot read the encoder's parameters");
}

int SyntheticTrack::read(AVPacket& packet)
{
	for (;;)
	{
		// The encoder first gives what it already has...
		int result = avcodec_receive_packet(_encoder.get(), &packet);
		if (result == 0)
		{
			if (packet.duration == 0) packet.duration = _frameDuration;
			return 0;
		}
		if (result != AVERROR(EAGAIN)) return result;

		// ...and else wants another frame. A source filter never runs dry
		// (unless its description sets a duration: then AVERROR_EOF).
		result = av_buffersink_get_frame(_sink, _frame.get());
		if (result < 0) return result;
		_frame->pts += _ptsShift;
		// Source filters mark every frame as an I frame, which libx264 would
		// obey: let the encoder choose (every "g" frames).
		_frame->pict_type = AV_PICTURE_TYPE_NONE;
		result = avcodec_send_frame(_encoder.get(), _frame.get());
		av_frame_unref(_frame.get());
		if (result < 0) return result;
	}
}

const AVCodecParameters& SyntheticTrack::parameters() const
{
	return *_parameters;
}

AVRational SyntheticTrack::timeBase() const
{
	return _encoder->time_base;
}

} // namespace sourcedemo
