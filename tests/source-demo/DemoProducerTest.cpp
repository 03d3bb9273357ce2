//
// DemoProducerTest.cpp
//
// The packets of a demo channel: format, order, keyframes, real-time pacing,
// interrupt(), and an MPEG-TS file that ffprobe accepts.
//

#include "DemoProducer.h"
#include "DemoSource.h"
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/log.h>
#include <libavutil/pixfmt.h>
}

using restream::ChannelFormat;
using sourcedemo::DemoChannel;
using sourcedemo::DemoProducer;
using sourcedemo::DemoSource;
using Clock = std::chrono::steady_clock;

namespace {

const int64_t SECOND = 90000; // in DemoProducer::TIME_BASE

struct PacketFacts
	/// What a test checks of one packet.
{
	int streamIndex;
	int64_t pts;
	int64_t dts;
	int64_t duration;
	bool key;
};

double secondsSince(Clock::time_point start)
{
	return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<PacketFacts> readMedia(restream::PacketProducer& producer, int64_t until)
	/// Reads packets until one has a dts of until or later.
{
	std::vector<PacketFacts> facts;
	AVPacket* packet = av_packet_alloc();
	for (;;)
	{
		const int result = producer.read(*packet);
		CPPUNIT_ASSERT_EQUAL(0, result);
		facts.push_back({packet->stream_index, packet->pts, packet->dts, packet->duration, (packet->flags & AV_PKT_FLAG_KEY) != 0});
		av_packet_unref(packet);
		if (facts.back().dts >= until) break;
	}
	av_packet_free(&packet);
	return facts;
}

std::string ffprobe(const std::string& path, std::string& errors)
	/// ffprobe's JSON description of path's streams; its stderr in errors.
{
	CPPUNIT_ASSERT_MESSAGE("ffprobe not found (install ffmpeg)", Poco::File(RESTREAM_FFPROBE).exists());
	Poco::Pipe out, err;
	Poco::ProcessHandle process = Poco::Process::launch(RESTREAM_FFPROBE,
		{"-v", "error", "-show_streams", "-of", "json", path}, nullptr, &out, &err);
	Poco::PipeInputStream outStream(out), errStream(err);
	std::string json;
	Poco::StreamCopier::copyToString(outStream, json);
	Poco::StreamCopier::copyToString(errStream, errors);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(errors, 0, process.wait());
	return json;
}

} // namespace

class DemoProducerTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DemoProducerTest);
	CPPUNIT_TEST(testFormat);
	CPPUNIT_TEST(testPackets);
	CPPUNIT_TEST(testRealTimePacing);
	CPPUNIT_TEST(testInterrupt);
	CPPUNIT_TEST(testInterruptBeforeRead);
	CPPUNIT_TEST(testPlayableMpegTs);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		av_log_set_level(AV_LOG_WARNING); // libx264 says hello at every open
		_source.reset(new DemoSource("veryfast", ""));
	}

	void tearDown() override
	{
		_source.reset();
	}

	void testFormat()
	{
		const std::unique_ptr<restream::PacketProducer> producer = _source->openProducer(1);
		const ChannelFormat& format = producer->format();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), format.tracks.size());

		const AVCodecParameters& video = *format.tracks[DemoProducer::VIDEO].parameters;
		CPPUNIT_ASSERT_EQUAL(AVMEDIA_TYPE_VIDEO, video.codec_type);
		CPPUNIT_ASSERT_EQUAL(AV_CODEC_ID_H264, video.codec_id);
		CPPUNIT_ASSERT_EQUAL(int(AV_PIX_FMT_YUV420P), video.format);
		CPPUNIT_ASSERT_EQUAL(640, video.width);
		CPPUNIT_ASSERT_EQUAL(360, video.height);

		const AVCodecParameters& audio = *format.tracks[DemoProducer::AUDIO].parameters;
		CPPUNIT_ASSERT_EQUAL(AVMEDIA_TYPE_AUDIO, audio.codec_type);
		CPPUNIT_ASSERT_EQUAL(AV_CODEC_ID_AAC, audio.codec_id);
		CPPUNIT_ASSERT_EQUAL(48000, audio.sample_rate);
		CPPUNIT_ASSERT_EQUAL(2, audio.ch_layout.nb_channels);
		CPPUNIT_ASSERT_MESSAGE("AAC needs its AudioSpecificConfig", audio.extradata_size > 0);

		for (const ChannelFormat::Track& track : format.tracks)
			CPPUNIT_ASSERT_EQUAL(0, av_cmp_q(AVRational{1, 90000}, track.timeBase));
	}

	void testPackets()
	{
		const std::unique_ptr<restream::PacketProducer> producer = _source->openProducer(1);
		const std::vector<PacketFacts> packets = readMedia(*producer, 3 * SECOND);

		CPPUNIT_ASSERT_EQUAL(int(DemoProducer::VIDEO), packets.front().streamIndex);
		CPPUNIT_ASSERT(packets.front().key);
		CPPUNIT_ASSERT(packets.front().dts >= 0 && packets.front().dts < SECOND / 10);

		int64_t lastDts[2] = {-1, -1};
		int64_t lastInterleavedDts = packets.front().dts;
		std::vector<int> keyframes;
		int videoFrames = 0;
		int audioFrames = 0;
		for (const PacketFacts& packet : packets)
		{
			CPPUNIT_ASSERT(packet.streamIndex == DemoProducer::VIDEO || packet.streamIndex == DemoProducer::AUDIO);
			CPPUNIT_ASSERT_MESSAGE("dts increase on each track", packet.dts > lastDts[packet.streamIndex]);
			CPPUNIT_ASSERT_MESSAGE("tracks are interleaved in dts order", packet.dts >= lastInterleavedDts);
			CPPUNIT_ASSERT(packet.pts >= packet.dts);
			lastDts[packet.streamIndex] = packet.dts;
			lastInterleavedDts = packet.dts;
			if (packet.streamIndex == DemoProducer::VIDEO)
			{
				CPPUNIT_ASSERT_EQUAL(int64_t(SECOND / DemoChannel::FRAME_RATE), packet.duration);
				if (packet.key) keyframes.push_back(videoFrames);
				++videoFrames;
			}
			else
			{
				CPPUNIT_ASSERT_EQUAL(int64_t(1024 * SECOND / 48000), packet.duration);
				++audioFrames;
			}
		}
		// Frames 0 to 75: keyframes every 2 s exactly, at 0 and 50 only.
		CPPUNIT_ASSERT(videoFrames > 75);
		CPPUNIT_ASSERT(audioFrames > 3 * 48000 / 1024 - 2);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), keyframes.size());
		CPPUNIT_ASSERT_EQUAL(0, keyframes[0]);
		CPPUNIT_ASSERT_EQUAL(2 * DemoChannel::FRAME_RATE, keyframes[1]);
	}

	void testRealTimePacing()
	{
		const std::unique_ptr<restream::PacketProducer> producer = _source->openProducer(1);
		const Clock::time_point start = Clock::now();
		readMedia(*producer, 3 * SECOND);
		const double elapsed = secondsSince(start);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(elapsed) + " s to read 3 s", elapsed > 2.4 && elapsed < 3.6);
	}

	void testInterrupt()
	{
		const std::unique_ptr<restream::PacketProducer> producer = _source->openProducer(1);
		std::atomic<int> lastResult{0};
		std::atomic<bool> done{false};
		Clock::time_point returned;
		std::thread reader([&] {
			AVPacket* packet = av_packet_alloc();
			int result = 0;
			while ((result = producer->read(*packet)) == 0) av_packet_unref(packet);
			returned = Clock::now();
			lastResult = result;
			done = true;
			av_packet_free(&packet);
		});
		std::this_thread::sleep_for(std::chrono::milliseconds(500));
		CPPUNIT_ASSERT_MESSAGE("the reader is paced, not done", !done);
		const Clock::time_point interrupted = Clock::now();
		producer->interrupt();
		reader.join();
		const double latency = std::chrono::duration<double>(returned - interrupted).count();
		CPPUNIT_ASSERT_EQUAL(AVERROR_EXIT, lastResult.load());
		CPPUNIT_ASSERT_MESSAGE(std::to_string(latency) + " s to return", latency < 0.2);

		AVPacket* packet = av_packet_alloc();
		CPPUNIT_ASSERT_EQUAL(AVERROR_EXIT, producer->read(*packet));
		av_packet_free(&packet);
	}

	void testInterruptBeforeRead()
	{
		const std::unique_ptr<restream::PacketProducer> producer = _source->openProducer(1);
		producer->interrupt();
		AVPacket* packet = av_packet_alloc();
		CPPUNIT_ASSERT_EQUAL(AVERROR_EXIT, producer->read(*packet));
		CPPUNIT_ASSERT_EQUAL(0, packet->size);
		av_packet_free(&packet);
	}

	void testPlayableMpegTs()
	{
		const std::unique_ptr<restream::PacketProducer> producer = _source->openProducer(1);
		const std::string path = Poco::TemporaryFile::tempName() + ".ts";
		Poco::TemporaryFile::registerForDeletion(path);
		muxMpegTs(*producer, path, 6 * SECOND);

		std::string errors;
		const Poco::JSON::Object::Ptr probe = Poco::JSON::Parser().parse(ffprobe(path, errors)).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL_MESSAGE("ffprobe complains", std::string(), errors);
		const Poco::JSON::Array::Ptr streams = probe->getArray("streams");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), streams->size());

		const Poco::JSON::Object::Ptr video = streams->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("h264"), video->getValue<std::string>("codec_name"));
		CPPUNIT_ASSERT_EQUAL(std::string("yuv420p"), video->getValue<std::string>("pix_fmt"));
		CPPUNIT_ASSERT_EQUAL(std::string("Main"), video->getValue<std::string>("profile"));
		CPPUNIT_ASSERT_EQUAL(640, video->getValue<int>("width"));
		CPPUNIT_ASSERT_EQUAL(360, video->getValue<int>("height"));
		CPPUNIT_ASSERT_EQUAL(std::string("25/1"), video->getValue<std::string>("r_frame_rate"));

		const Poco::JSON::Object::Ptr audio = streams->getObject(1);
		CPPUNIT_ASSERT_EQUAL(std::string("aac"), audio->getValue<std::string>("codec_name"));
		CPPUNIT_ASSERT_EQUAL(std::string("48000"), audio->getValue<std::string>("sample_rate"));
		CPPUNIT_ASSERT_EQUAL(2, audio->getValue<int>("channels"));
	}

private:
	static void muxMpegTs(restream::PacketProducer& producer, const std::string& path, int64_t until)
		/// Writes producer's packets up to until into an MPEG-TS file, as an output would.
	{
		AVFormatContext* muxer = nullptr;
		CPPUNIT_ASSERT(avformat_alloc_output_context2(&muxer, nullptr, "mpegts", path.c_str()) >= 0);
		for (const ChannelFormat::Track& track : producer.format().tracks)
		{
			AVStream* stream = avformat_new_stream(muxer, nullptr);
			CPPUNIT_ASSERT(stream);
			CPPUNIT_ASSERT(avcodec_parameters_copy(stream->codecpar, track.parameters) >= 0);
			stream->time_base = track.timeBase;
		}
		CPPUNIT_ASSERT(avio_open(&muxer->pb, path.c_str(), AVIO_FLAG_WRITE) >= 0);
		CPPUNIT_ASSERT(avformat_write_header(muxer, nullptr) >= 0);
		AVPacket* packet = av_packet_alloc();
		for (;;)
		{
			CPPUNIT_ASSERT_EQUAL(0, producer.read(*packet));
			const AVRational from = producer.format().tracks[packet->stream_index].timeBase;
			av_packet_rescale_ts(packet, from, muxer->streams[packet->stream_index]->time_base);
			const bool last = av_compare_ts(packet->dts, muxer->streams[packet->stream_index]->time_base, until, from) >= 0;
			CPPUNIT_ASSERT_EQUAL(0, av_interleaved_write_frame(muxer, packet));
			if (last) break;
		}
		av_packet_free(&packet);
		CPPUNIT_ASSERT_EQUAL(0, av_write_trailer(muxer));
		avio_closep(&muxer->pb);
		avformat_free_context(muxer);
	}

	std::unique_ptr<DemoSource> _source;
};

CPPUNIT_TEST_SUITE_REGISTRATION(DemoProducerTest);
