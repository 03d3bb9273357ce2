//
// TestStream.cpp
//

#include "TestStream.h"
#include <Poco/Exception.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <map>

extern "C" {
#include <libavutil/mathematics.h>
}

namespace restream {
namespace test {

namespace {

const AVRational MPEG_TIME{1, 90000};
const Poco::Int64 FEED_GAP = 3600;  // 40 ms between feeds, as the pipeline leaves between upstreams

} // namespace

TestStream::TestStream(int gopFrames, int seconds)
{
	const std::string path = generate(gopFrames, seconds);
	AVFormatContext* input = nullptr;
	CPPUNIT_ASSERT_EQUAL(0, avformat_open_input(&input, path.c_str(), nullptr, nullptr));
	CPPUNIT_ASSERT(avformat_find_stream_info(input, nullptr) >= 0);
	const int video = av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
	const int audio = av_find_best_stream(input, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
	CPPUNIT_ASSERT(video >= 0 && audio >= 0);
	std::map<int, int> tracks = {{video, 0}, {audio, 1}};
	for (const int index : {video, audio})
	{
		AVCodecParameters* parameters = avcodec_parameters_alloc();
		CPPUNIT_ASSERT(avcodec_parameters_copy(parameters, input->streams[index]->codecpar) >= 0);
		_parameters.push_back(parameters);
		ChannelFormat::Track track;
		track.parameters = parameters;
		track.timeBase = input->streams[index]->time_base;
		_format.tracks.push_back(track);
	}

	AVPacket* packet = av_packet_alloc();
	Poco::Int64 firstPts = AV_NOPTS_VALUE;
	Poco::Int64 firstDts = AV_NOPTS_VALUE;
	Poco::Int64 end = 0;
	while (av_read_frame(input, packet) >= 0)
	{
		const auto track = tracks.find(packet->stream_index);
		if (track == tracks.end() || packet->dts == AV_NOPTS_VALUE)
		{
			av_packet_unref(packet);
			continue;
		}
		const AVRational timeBase = _format.tracks[static_cast<std::size_t>(track->second)].timeBase;
		const bool keyframe = track->second == 0 && (packet->flags & AV_PKT_FLAG_KEY);
		// join at the first video keyframe, drop audio from before it, as the pipeline does
		const bool before = firstPts == AV_NOPTS_VALUE
			? !keyframe
			: av_compare_ts(packet->pts, timeBase, firstPts, MPEG_TIME) < 0 && track->second == 1;
		if (before)
		{
			av_packet_unref(packet);
			continue;
		}
		if (firstPts == AV_NOPTS_VALUE)
		{
			firstPts = av_rescale_q(packet->pts, timeBase, MPEG_TIME);
			firstDts = av_rescale_q(packet->dts, timeBase, MPEG_TIME);
		}
		packet->stream_index = track->second;
		if (packet->duration <= 0)
		{
			const AVCodecParameters* parameters = _parameters[static_cast<std::size_t>(track->second)];
			packet->duration = track->second == 0
				? av_rescale_q(1, av_inv_q(input->streams[video]->r_frame_rate), timeBase)
				: av_rescale_q(parameters->frame_size > 0 ? parameters->frame_size : 1024, AVRational{1, parameters->sample_rate},
					timeBase);
		}
		end = std::max(end, av_rescale_q(packet->dts + packet->duration, timeBase, MPEG_TIME));
		_packets.push_back(av_packet_clone(packet));
		av_packet_unref(packet);
	}
	av_packet_free(&packet);
	avformat_close_input(&input);
	CPPUNIT_ASSERT(!_packets.empty());
	_span = end - std::min(firstDts, firstPts);
}

TestStream::~TestStream()
{
	for (AVPacket*& packet : _packets) av_packet_free(&packet);
	for (AVCodecParameters*& parameters : _parameters) avcodec_parameters_free(&parameters);
}

const ChannelFormat& TestStream::format() const
{
	return _format;
}

void TestStream::feed(ChannelSink& sink, bool callBegin)
{
	if (callBegin) CPPUNIT_ASSERT(sink.begin(_format));
	feedPart(sink, 0, _packets.size());
	nextFeed();
}

void TestStream::feedPart(ChannelSink& sink, std::size_t from, std::size_t to)
{
	AVPacket* shifted = av_packet_alloc();
	for (std::size_t i = from; i < std::min(to, _packets.size()); ++i)
	{
		CPPUNIT_ASSERT_EQUAL(0, av_packet_ref(shifted, _packets[i]));
		const AVRational timeBase = _format.tracks[static_cast<std::size_t>(shifted->stream_index)].timeBase;
		const Poco::Int64 offset = av_rescale_q(_offset, MPEG_TIME, timeBase);
		shifted->pts += offset;
		shifted->dts += offset;
		const bool written = sink.write(*shifted);
		av_packet_unref(shifted);
		CPPUNIT_ASSERT_MESSAGE("the sink refused packet " + std::to_string(i), written);
	}
	av_packet_free(&shifted);
}

void TestStream::nextFeed()
{
	_offset += _span + FEED_GAP;
}

std::size_t TestStream::packetCount() const
{
	return _packets.size();
}

double TestStream::keyframeSpan() const
{
	Poco::Int64 first = AV_NOPTS_VALUE;
	Poco::Int64 last = AV_NOPTS_VALUE;
	for (const AVPacket* packet : _packets)
	{
		if (packet->stream_index != 0 || !(packet->flags & AV_PKT_FLAG_KEY)) continue;
		const Poco::Int64 pts = av_rescale_q(packet->pts, _format.tracks[0].timeBase, MPEG_TIME);
		if (first == AV_NOPTS_VALUE) first = pts;
		last = pts;
	}
	return static_cast<double>(last - first) / 90000.0;
}

double TestStream::videoDuration() const
{
	Poco::Int64 first = AV_NOPTS_VALUE;
	Poco::Int64 end = 0;
	for (const AVPacket* packet : _packets)
	{
		if (packet->stream_index != 0) continue;
		const Poco::Int64 pts = av_rescale_q(packet->pts, _format.tracks[0].timeBase, MPEG_TIME);
		if (first == AV_NOPTS_VALUE) first = pts;
		end = std::max(end, pts + av_rescale_q(packet->duration, _format.tracks[0].timeBase, MPEG_TIME));
	}
	return static_cast<double>(end - first) / 90000.0;
}

Poco::Int64 TestStream::firstVideoPts() const
{
	return av_rescale_q(_packets.front()->pts, _format.tracks[0].timeBase, MPEG_TIME);
}

std::string TestStream::run(const std::string& command, const std::vector<std::string>& arguments, int& status)
{
	Poco::Pipe output;
	Poco::ProcessHandle process = Poco::Process::launch(command, arguments, nullptr, &output, &output);
	Poco::PipeInputStream stream(output);
	std::string text;
	Poco::StreamCopier::copyToString(stream, text);
	status = process.wait();
	return text;
}

std::string TestStream::generate(int gopFrames, int seconds)
{
	static std::map<std::pair<int, int>, std::string> made;
	const auto key = std::make_pair(gopFrames, seconds);
	const auto found = made.find(key);
	if (found != made.end()) return found->second;

	const std::string path = Poco::TemporaryFile::tempName() + ".ts";
	Poco::TemporaryFile::registerForDeletion(path);
	int status = 0;
	const std::string output = run("ffmpeg",
		{"-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i",
			"sine", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", std::to_string(gopFrames),
			"-sc_threshold", "0", "-c:a", "aac", "-t", std::to_string(seconds), "-f", "mpegts", path},
		status);
	CPPUNIT_ASSERT_EQUAL_MESSAGE("ffmpeg failed: " + output, 0, status);
	made[key] = path;
	return path;
}

} // namespace test
} // namespace restream
