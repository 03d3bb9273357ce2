//
// SlateLoop.cpp
//

#include "live/SlateLoop.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <cstddef>
#include <cstring>
#include <fstream>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
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
const char* const backgroundColour = "0x18202c";
const Poco::File::FileSize maxImageBytes = 16 * 1024 * 1024;

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

AVFilterContext* finishGraph(AVFilterGraph& graph, AVFilterContext* last)
	/// Ends the graph with yuv420p and a sink, configures it and returns the sink.
{
	AVFilterContext* format = nullptr;
	check(avfilter_graph_create_filter(&format, avfilter_get_by_name("format"), "format", "pix_fmts=yuv420p", nullptr, &graph), "format");
	AVFilterContext* sink = nullptr;
	check(avfilter_graph_create_filter(&sink, avfilter_get_by_name("buffersink"), "sink", nullptr, nullptr, &graph), "sink");
	check(avfilter_link(last, 0, format, 0), "link");
	check(avfilter_link(format, 0, sink, 0), "link");
	check(avfilter_graph_config(&graph, nullptr), "filter graph");
	return sink;
}

Frame takePicture(AVFilterContext* sink)
{
	Frame picture(av_frame_alloc());
	if (!picture) throw Poco::OutOfMemoryException("slate: frame");
	check(av_buffersink_get_frame(sink, picture.get()), "drawing");
	return picture;
}

Graph newGraph()
{
	Graph graph(avfilter_graph_alloc());
	if (!graph) throw Poco::OutOfMemoryException("slate: filter graph");
	graph->nb_threads = 1;
	return graph;
}

Frame drawText(const SlateShape& shape, const std::string& title, const std::string& message, bool& textDrawn)
{
	Graph graph = newGraph();
	AVFilterContext* background = nullptr;
	const std::string backgroundOptions = "c=" + std::string(backgroundColour) + ":s=" + std::to_string(shape.width) + "x" +
		std::to_string(shape.height) + ":r=" + std::to_string(SlateLoop::framesPerSecond);
	check(avfilter_graph_create_filter(&background, avfilter_get_by_name("color"), "background", backgroundOptions.c_str(), nullptr, graph.get()),
		"background");
	AVFilterContext* last = background;
	textDrawn = addLine(*graph, last, "title", title, "h/14", "white", "h/2-text_h-h/30") &&
		addLine(*graph, last, "message", message, "h/22", "0xb8c4d6", "h/2+h/30");
	return takePicture(finishGraph(*graph, last));
}

Frame decodeImage(const std::string& path)
	/// The picture of a PNG or JPEG file (at most maxImageBytes), recognised by its first bytes.
{
	Poco::File file(path);
	if (!file.exists() || !file.isFile()) throw Poco::FileNotFoundException("slate: no image file " + path);
	if (file.getSize() > maxImageBytes) throw Poco::DataFormatException("slate: the image is larger than 16 MiB: " + path);
	std::ifstream in(path, std::ios::binary);
	unsigned char head[8] = {0};
	in.read(reinterpret_cast<char*>(head), sizeof(head));
	const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	const char* demuxer = std::memcmp(head, png, sizeof(png)) == 0 ? "png_pipe"
		: head[0] == 0xff && head[1] == 0xd8 && head[2] == 0xff     ? "jpeg_pipe"
																	: nullptr;
	if (!demuxer) throw Poco::DataFormatException("slate: the image is neither PNG nor JPEG: " + path);

	AVFormatContext* input = nullptr;
	AVDictionary* options = nullptr;
	av_dict_set(&options, "protocol_whitelist", "file", 0);
	const int opened = avformat_open_input(&input, ("file:" + path).c_str(), av_find_input_format(demuxer), &options);
	av_dict_free(&options);
	check(opened, "opening " + path);
	std::unique_ptr<AVFormatContext, void (*)(AVFormatContext*)> owned(input, [](AVFormatContext* context) { avformat_close_input(&context); });
	AVPacket* packet = av_packet_alloc();
	if (!packet) throw Poco::OutOfMemoryException("slate: packet");
	std::unique_ptr<AVPacket, void (*)(AVPacket*)> ownedPacket(packet, [](AVPacket* unused) { av_packet_free(&unused); });
	check(av_read_frame(input, packet), "reading " + path);
	const AVCodecParameters& parameters = *input->streams[packet->stream_index]->codecpar;
	const AVCodec* codec = avcodec_find_decoder(parameters.codec_id);
	if (!codec) throw Poco::NotFoundException("slate: no decoder for " + path);
	Codec decoder(avcodec_alloc_context3(codec));
	if (!decoder) throw Poco::OutOfMemoryException("slate: decoder");
	check(avcodec_parameters_to_context(decoder.get(), &parameters), "decoding " + path);
	decoder->thread_count = 1;
	check(avcodec_open2(decoder.get(), codec, nullptr), "decoding " + path);
	check(avcodec_send_packet(decoder.get(), packet), "decoding " + path);
	check(avcodec_send_packet(decoder.get(), nullptr), "decoding " + path);
	Frame picture(av_frame_alloc());
	if (!picture) throw Poco::OutOfMemoryException("slate: frame");
	check(avcodec_receive_frame(decoder.get(), picture.get()), "decoding " + path);
	return picture;
}

Frame drawImage(const SlateShape& shape, const std::string& path)
	/// The image, scaled to fit the picture without distortion and centred on the background.
{
	const Frame image = decodeImage(path);
	Graph graph = newGraph();
	AVFilterContext* source = nullptr;
	const std::string sourceOptions = "video_size=" + std::to_string(image->width) + "x" + std::to_string(image->height) +
		":pix_fmt=" + std::to_string(image->format) + ":time_base=1/" + std::to_string(SlateLoop::framesPerSecond) + ":pixel_aspect=1/1";
	check(avfilter_graph_create_filter(&source, avfilter_get_by_name("buffer"), "image", sourceOptions.c_str(), nullptr, graph.get()), "image");
	AVFilterContext* scale = nullptr;
	const std::string size = std::to_string(shape.width) + ":" + std::to_string(shape.height);
	check(avfilter_graph_create_filter(&scale, avfilter_get_by_name("scale"), "fit",
			  ("w=" + std::to_string(shape.width) + ":h=" + std::to_string(shape.height) + ":force_original_aspect_ratio=decrease:force_divisible_by=2").c_str(),
			  nullptr, graph.get()),
		"scale");
	AVFilterContext* pad = nullptr;
	check(avfilter_graph_create_filter(&pad, avfilter_get_by_name("pad"), "centre",
			  (size + ":(ow-iw)/2:(oh-ih)/2:color=" + backgroundColour).c_str(), nullptr, graph.get()),
		"pad");
	check(avfilter_link(source, 0, scale, 0), "link");
	check(avfilter_link(scale, 0, pad, 0), "link");
	AVFilterContext* sink = finishGraph(*graph, pad);
	image->pts = 0;
	check(av_buffersrc_add_frame_flags(source, image.get(), AV_BUFFERSRC_FLAG_KEEP_REF), "scaling");
	check(av_buffersrc_add_frame(source, nullptr), "scaling");
	return takePicture(sink);
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

std::shared_ptr<const SlateLoop> SlateLoop::encode(const SlateShape& shape, const std::string& title, const std::string& message,
	const std::string& imagePath)
{
	std::shared_ptr<SlateLoop> loop(new SlateLoop);
	loop->_shape = shape;
	Frame picture;
	if (!imagePath.empty())
	{
		try
		{
			picture = drawImage(shape, imagePath);
		}
		catch (const Poco::Exception& exc)
		{
			loop->_problem = exc.message() + "; the channel's name is shown instead";
		}
	}
	if (!picture)
	{
		bool textDrawn = false;
		picture = drawText(shape, title, message, textDrawn);
		if (!textDrawn) loop->_problem = "no font found: the slate has no text";
	}

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
	for (int index = 0; index < framesPerSecond; ++index)
	{
		Frame still(av_frame_clone(picture.get())); // the same pixels, referenced
		if (!still) throw Poco::OutOfMemoryException("slate: frame");
		still->pts = index;
		still->pict_type = index == 0 ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
		check(avcodec_send_frame(video.get(), still.get()), "encoding");
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

const std::string& SlateLoop::problem() const
{
	return _problem;
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
