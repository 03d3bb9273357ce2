//
// SlateLoop.cpp
//

#include "live/SlateLoop.h"
#include <Poco/Exception.h>
#include <cstddef>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/opt.h>
#include <libavutil/samplefmt.h>
}

namespace restream::host {

namespace {

const long long ticksPerSecond = 90000;
const long long ticksPerPicture = ticksPerSecond / SlateLoop::framesPerSecond;
const std::size_t longestLine = 64; // bytes of a line drawn; a longer channel name is cut

std::string describe(int error)
{
	char text[AV_ERROR_MAX_STRING_SIZE] = {0};
	av_strerror(error, text, sizeof(text));
	return text;
}

void check(int result, const std::string& what)
{
	if (result < 0) throw Poco::IOException("slate: " + what + ": " + describe(result));
}

std::string cutUtf8(const std::string& text, std::size_t bytes)
{
	if (text.size() <= bytes) return text;
	std::size_t end = bytes;
	while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end; // not inside a character
	return text.substr(0, end) + "…";
}

struct GraphDeleter
{
	void operator()(AVFilterGraph* graph) const { avfilter_graph_free(&graph); }
};

struct CodecDeleter
{
	void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};

struct FrameDeleter
{
	void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};

using Graph = std::unique_ptr<AVFilterGraph, GraphDeleter>;
using Codec = std::unique_ptr<AVCodecContext, CodecDeleter>;
using Frame = std::unique_ptr<AVFrame, FrameDeleter>;

bool addLine(AVFilterGraph& graph, AVFilterContext*& last, const std::string& name, const std::string& text, const char* size,
	const char* colour, const char* y)
	/// Draws one centred line after last; false (and nothing added) when
	/// drawtext cannot start (no font).
{
	if (text.empty()) return true;
	AVFilterContext* line = avfilter_graph_alloc_filter(&graph, avfilter_get_by_name("drawtext"), name.c_str());
	if (!line) return false;
	const std::string shown = cutUtf8(text, longestLine);
	const bool set = av_opt_set(line, "text", shown.c_str(), AV_OPT_SEARCH_CHILDREN) >= 0 &&
		av_opt_set(line, "expansion", "none", AV_OPT_SEARCH_CHILDREN) >= 0 && // the text is literal, never %{...}
		av_opt_set(line, "font", "Sans", AV_OPT_SEARCH_CHILDREN) >= 0 &&
		av_opt_set(line, "fontsize", size, AV_OPT_SEARCH_CHILDREN) >= 0 &&
		av_opt_set(line, "fontcolor", colour, AV_OPT_SEARCH_CHILDREN) >= 0 &&
		av_opt_set(line, "x", "(w-text_w)/2", AV_OPT_SEARCH_CHILDREN) >= 0 && av_opt_set(line, "y", y, AV_OPT_SEARCH_CHILDREN) >= 0;
	if (!set || avfilter_init_str(line, nullptr) < 0 || avfilter_link(last, 0, line, 0) < 0)
	{
		avfilter_free(line);
		return false;
	}
	last = line;
	return true;
}

std::vector<Frame> drawPictures(const SlateShape& shape, const std::string& title, const std::string& message, bool& textDrawn)
{
	Graph graph(avfilter_graph_alloc());
	if (!graph) throw Poco::OutOfMemoryException("slate: filter graph");
	graph->nb_threads = 1;
	AVFilterContext* background = nullptr;
	const std::string backgroundOptions = "c=0x18202c:s=" + std::to_string(shape.width) + "x" + std::to_string(shape.height) + ":r=" +
		std::to_string(SlateLoop::framesPerSecond);
	check(avfilter_graph_create_filter(&background, avfilter_get_by_name("color"), "background", backgroundOptions.c_str(), nullptr, graph.get()),
		"background");
	AVFilterContext* last = background;
	textDrawn = addLine(*graph, last, "title", title, "h/14", "white", "h/2-text_h-h/30") &&
		addLine(*graph, last, "message", message, "h/22", "0xb8c4d6", "h/2+h/30");
	AVFilterContext* format = nullptr;
	check(avfilter_graph_create_filter(&format, avfilter_get_by_name("format"), "format", "pix_fmts=yuv420p", nullptr, graph.get()), "format");
	AVFilterContext* sink = nullptr;
	check(avfilter_graph_create_filter(&sink, avfilter_get_by_name("buffersink"), "sink", nullptr, nullptr, graph.get()), "sink");
	check(avfilter_link(last, 0, format, 0), "link");
	check(avfilter_link(format, 0, sink, 0), "link");
	check(avfilter_graph_config(graph.get(), nullptr), "filter graph");

	std::vector<Frame> pictures;
	for (int index = 0; index < SlateLoop::framesPerSecond; ++index)
	{
		Frame picture(av_frame_alloc());
		if (!picture) throw Poco::OutOfMemoryException("slate: frame");
		check(av_buffersink_get_frame(sink, picture.get()), "drawing");
		picture->pts = index;
		picture->pict_type = index == 0 ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
		pictures.push_back(std::move(picture));
	}
	return pictures;
}

void drain(AVCodecContext& encoder, std::vector<AVPacket*>& packets)
{
	for (;;)
	{
		AVPacket* packet = av_packet_alloc();
		if (!packet) throw Poco::OutOfMemoryException("slate: packet");
		const int result = avcodec_receive_packet(&encoder, packet);
		if (result == AVERROR(EAGAIN) || result == AVERROR_EOF)
		{
			av_packet_free(&packet);
			return;
		}
		if (result < 0) av_packet_free(&packet);
		check(result, "encoding");
		packets.push_back(packet);
	}
}

const char* profileName(int profile)
{
	if (profile == 66) return "baseline";
	if (profile == 77) return "main";
	return "high";
}

} // namespace

std::shared_ptr<const SlateLoop> SlateLoop::encode(const SlateShape& shape, const std::string& title, const std::string& message)
{
	std::shared_ptr<SlateLoop> loop(new SlateLoop);
	loop->_shape = shape;
	const std::vector<Frame> pictures = drawPictures(shape, title, message, loop->_textDrawn);

	const AVCodec* h264 = avcodec_find_encoder_by_name("libx264");
	if (!h264) throw Poco::NotFoundException("slate: FFmpeg has no libx264 encoder");
	Codec video(avcodec_alloc_context3(h264));
	if (!video) throw Poco::OutOfMemoryException("slate: encoder");
	video->width = shape.width;
	video->height = shape.height;
	video->pix_fmt = AV_PIX_FMT_YUV420P;
	video->sample_aspect_ratio = AVRational{1, 1};
	video->time_base = AVRational{1, framesPerSecond};
	video->framerate = AVRational{framesPerSecond, 1};
	video->gop_size = framesPerSecond; // one IDR per loop: every loop is a join point
	video->max_b_frames = 0;           // dts = pts, and P pictures only refer back within the loop
	video->thread_count = 1;
	video->flags |= AV_CODEC_FLAG_GLOBAL_HEADER; // extradata for the outputs, and (repeat-headers) in band for TS
	AVDictionary* options = nullptr;
	av_dict_set(&options, "preset", "veryfast", 0);
	av_dict_set(&options, "tune", "stillimage", 0);
	av_dict_set(&options, "profile", profileName(shape.profile), 0);
	av_dict_set(&options, "x264-params", "repeat-headers=1:scenecut=0:min-keyint=25", 0);
	const int opened = avcodec_open2(video.get(), h264, &options);
	av_dict_free(&options);
	check(opened, "opening libx264");
	for (const auto& picture : pictures)
	{
		check(avcodec_send_frame(video.get(), picture.get()), "encoding");
		drain(*video, loop->_pictures);
	}
	check(avcodec_send_frame(video.get(), nullptr), "encoding");
	drain(*video, loop->_pictures);
	if (loop->_pictures.size() != static_cast<std::size_t>(framesPerSecond) || !(loop->_pictures.front()->flags & AV_PKT_FLAG_KEY))
		throw Poco::IOException("slate: libx264 gave " + std::to_string(loop->_pictures.size()) + " pictures for one loop");
	loop->_video = avcodec_parameters_alloc();
	if (!loop->_video) throw Poco::OutOfMemoryException("slate: parameters");
	check(avcodec_parameters_from_context(loop->_video, video.get()), "video parameters");
	loop->_format.tracks.push_back({loop->_video, AVRational{1, static_cast<int>(ticksPerSecond)}});

	if (shape.audio)
	{
		const AVCodec* aac = avcodec_find_encoder_by_name("aac");
		if (!aac) throw Poco::NotFoundException("slate: FFmpeg has no aac encoder");
		Codec audio(avcodec_alloc_context3(aac));
		if (!audio) throw Poco::OutOfMemoryException("slate: encoder");
		audio->sample_fmt = AV_SAMPLE_FMT_FLTP;
		audio->sample_rate = shape.sampleRate;
		av_channel_layout_default(&audio->ch_layout, shape.channels);
		audio->bit_rate = 32000 * shape.channels;
		audio->time_base = AVRational{1, shape.sampleRate};
		audio->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
		check(avcodec_open2(audio.get(), aac, nullptr), "opening the aac encoder");
		loop->_samplesPerFrame = audio->frame_size;
		std::vector<AVPacket*> encoded;
		try
		{
			for (int index = 0; index < 8; ++index)
			{
				Frame silence(av_frame_alloc());
				if (!silence) throw Poco::OutOfMemoryException("slate: frame");
				silence->format = audio->sample_fmt;
				silence->nb_samples = audio->frame_size;
				silence->sample_rate = audio->sample_rate;
				check(av_channel_layout_copy(&silence->ch_layout, &audio->ch_layout), "silence");
				check(av_frame_get_buffer(silence.get(), 0), "silence");
				check(av_samples_set_silence(silence->extended_data, 0, silence->nb_samples, shape.channels, audio->sample_fmt), "silence");
				silence->pts = static_cast<long long>(index) * audio->frame_size;
				check(avcodec_send_frame(audio.get(), silence.get()), "encoding");
				drain(*audio, encoded);
			}
			if (encoded.size() < 4) throw Poco::IOException("slate: the aac encoder gave too few frames");
			loop->_silence = av_packet_clone(encoded[encoded.size() / 2]); // in the steady state, past the encoder's priming
		}
		catch (...)
		{
			for (AVPacket* packet : encoded) av_packet_free(&packet);
			throw;
		}
		for (AVPacket* packet : encoded) av_packet_free(&packet);
		if (!loop->_silence) throw Poco::OutOfMemoryException("slate: packet");
		loop->_audio = avcodec_parameters_alloc();
		if (!loop->_audio) throw Poco::OutOfMemoryException("slate: parameters");
		check(avcodec_parameters_from_context(loop->_audio, audio.get()), "audio parameters");
		loop->_format.tracks.push_back({loop->_audio, AVRational{1, static_cast<int>(ticksPerSecond)}});
	}
	return loop;
}

SlateLoop::~SlateLoop()
{
	for (AVPacket* packet : _pictures) av_packet_free(&packet);
	av_packet_free(&_silence);
	avcodec_parameters_free(&_video);
	avcodec_parameters_free(&_audio);
}

const SlateShape& SlateLoop::shape() const
{
	return _shape;
}

const ChannelFormat& SlateLoop::format() const
{
	return _format;
}

bool SlateLoop::textDrawn() const
{
	return _textDrawn;
}

long long SlateLoop::videoDts(long long index) const
{
	return index * ticksPerPicture;
}

long long SlateLoop::audioDts(long long index) const
{
	return index * _samplesPerFrame * ticksPerSecond / _shape.sampleRate;
}

void SlateLoop::videoPacket(long long index, AVPacket& packet) const
{
	check(av_packet_ref(&packet, _pictures[static_cast<std::size_t>(index % framesPerSecond)]), "packet");
	packet.stream_index = 0;
	packet.dts = packet.pts = videoDts(index);
	packet.duration = ticksPerPicture;
	packet.flags = index % framesPerSecond == 0 ? AV_PKT_FLAG_KEY : 0;
}

void SlateLoop::audioPacket(long long index, AVPacket& packet) const
{
	check(av_packet_ref(&packet, _silence), "packet");
	packet.stream_index = 1;
	packet.dts = packet.pts = audioDts(index);
	packet.duration = audioDts(index + 1) - packet.dts;
	packet.flags = AV_PKT_FLAG_KEY;
}

} // namespace restream::host
