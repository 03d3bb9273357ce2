//
// OutputHlsCmafTest.cpp
//
// Unit tests of output-hls's CmafSegmenter fed real media (TestStream),
// its output read back by ffprobe and ffmpeg.
//

#include "CmafSegmenter.h"
#include "HlsTestSupport.h"
#include "TestStream.h"
#include "TextSearch.h"
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/codec_par.h>
#include <libavutil/mem.h>
}

using outputhls::CmafSegmenter;
using outputhls::Part;
using restream::ChannelFormat;
using restream::test::TestStream;
using restream::test::contains;
using restream::test::writeTemporary;

namespace {

const Poco::Timespan SEGMENT_TARGET(2, 0);
const Poco::Timespan PART_TARGET(0, 330000);

class PartCollector : public restream::ChannelSink
	/// A ChannelSink straight on a CmafSegmenter that keeps every part.
{
public:
	PartCollector():
		_segmenter(SEGMENT_TARGET, PART_TARGET, [this](Part&& part) { parts.push_back(std::move(part)); })
	{
	}

	bool begin(const ChannelFormat& format) override
	{
		_segmenter.begin(format);
		return true;
	}

	bool write(const AVPacket& packet) override
	{
		_segmenter.write(packet);
		return true;
	}

	void end() override
	{
		_segmenter.finish();
	}

	bool playable() const override
	{
		return true;
	}

	int viewers() const override
	{
		return 0;
	}

	Poco::UInt64 bytesServed() const override
	{
		return 0;
	}

	std::vector<Part> parts;

private:
	CmafSegmenter _segmenter;
};


std::vector<Poco::Int64> segmentDurations(const std::vector<Part>& parts)
	/// The sum of the parts of each segment, in order (the last one may be open).
{
	std::vector<Poco::Int64> durations;
	for (const Part& part : parts)
	{
		if (part.segmentStart || durations.empty()) durations.push_back(0);
		durations.back() += part.duration;
	}
	return durations;
}

} // namespace

class OutputHlsCmafTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputHlsCmafTest);
	CPPUNIT_TEST(testPartsWithinTarget);
	CPPUNIT_TEST(testSegmentsCutAtKeyframes);
	CPPUNIT_TEST(testFfprobeReadsInitAndParts);
	CPPUNIT_TEST(testLaterPartDecodesAfterInit);
	CPPUNIT_TEST(testVideoSizeUnknownAtBegin);
	CPPUNIT_TEST(testSecondBeginIsANewRun);
	CPPUNIT_TEST(testPartDatesFollowTheMedia);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPartsWithinTarget()
	{
		TestStream stream(25, 12);
		PartCollector collector;
		stream.feed(collector);
		CPPUNIT_ASSERT(collector.parts.size() > 30);
		CPPUNIT_ASSERT(collector.parts.front().independent);
		CPPUNIT_ASSERT(collector.parts.front().segmentStart);
		CPPUNIT_ASSERT(!collector.parts.front().discontinuity);
		for (const Part& part : collector.parts)
		{
			CPPUNIT_ASSERT_MESSAGE(std::to_string(part.duration), part.duration > 0 && part.duration <= PART_TARGET.totalMicroseconds());
			CPPUNIT_ASSERT(!part.segmentStart || part.independent);
			CPPUNIT_ASSERT(part.init == collector.parts.front().init);
			CPPUNIT_ASSERT_EQUAL(std::string("moof"), part.data->substr(4, 4));
		}
		CPPUNIT_ASSERT_EQUAL(std::string("ftyp"), collector.parts.front().init->substr(4, 4));
		CPPUNIT_ASSERT_MESSAGE("no fragment in the init segment", !contains(*collector.parts.front().init, "moof"));
	}

	void testSegmentsCutAtKeyframes()
	{
		// a 1 s GOP with a 2 s target: the run's first segment ends at its 1 s keyframe (the TS rule),
		// then every other keyframe starts a segment; each keyframe an independent part
		TestStream stream(25, 12);
		PartCollector collector;
		stream.feed(collector);
		const std::vector<Poco::Int64> durations = segmentDurations(collector.parts);
		CPPUNIT_ASSERT_EQUAL(std::size_t(7), durations.size());  // the last one still open
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1000000), durations.front());
		for (std::size_t i = 1; i + 1 < durations.size(); ++i) CPPUNIT_ASSERT_EQUAL(Poco::Int64(2000000), durations[i]);
		std::size_t independent = 0;
		for (const Part& part : collector.parts) independent += part.independent ? 1 : 0;
		CPPUNIT_ASSERT_EQUAL(std::size_t(12), independent);  // one per keyframe
	}

	void testFfprobeReadsInitAndParts()
	{
		TestStream stream(25, 12);
		PartCollector collector;
		stream.feed(collector);
		collector.end();
		std::string file = *collector.parts.front().init;
		Poco::Int64 total = 0;
		for (const Part& part : collector.parts)
		{
			file += *part.data;
			total += part.duration;
		}
		CPPUNIT_ASSERT_DOUBLES_EQUAL(stream.videoDuration(), static_cast<double>(total) / 1e6, 0.001);
		const std::string path = writeTemporary(file, ".mp4");
		int status = 0;
		const std::string probe = TestStream::run("ffprobe",
			{"-v", "error", "-count_packets", "-show_entries", "stream=codec_name,profile,width,nb_read_packets", path}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(probe, 0, status);
		CPPUNIT_ASSERT_MESSAGE(probe, contains(probe, "codec_name=h264"));
		CPPUNIT_ASSERT_MESSAGE(probe, contains(probe, "codec_name=aac"));
		CPPUNIT_ASSERT_MESSAGE("the init segment has the AudioSpecificConfig: " + probe, contains(probe, "profile=LC"));
		CPPUNIT_ASSERT_MESSAGE(probe, contains(probe, "width=320"));
		CPPUNIT_ASSERT_MESSAGE(probe, contains(probe, "nb_read_packets=" + std::to_string(12 * 25)));
		const std::string decode = TestStream::run("ffmpeg", {"-v", "error", "-i", path, "-f", "null", "-"}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(decode, 0, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("decodes without an error", std::string(), decode);
	}

	void testVideoSizeUnknownAtBegin()
	{
		// joined mid-GOP, the bounded probe may end before any SPS: the video's size and extradata are
		// unknown at begin(); the mp4 muxer needs the size, which the first keyframe gives
		TestStream stream(25, 12);
		AVCodecParameters* video = avcodec_parameters_alloc();
		CPPUNIT_ASSERT(video && avcodec_parameters_copy(video, stream.format().tracks[0].parameters) >= 0);
		video->width = 0;
		video->height = 0;
		av_freep(&video->extradata);
		video->extradata_size = 0;
		ChannelFormat unprobed = stream.format();
		unprobed.tracks[0].parameters = video;
		PartCollector collector;
		collector.begin(unprobed);
		stream.feed(collector, false);
		collector.end();
		avcodec_parameters_free(&video);
		CPPUNIT_ASSERT(collector.parts.size() > 12);
		std::string file = *collector.parts.front().init;
		for (const Part& part : collector.parts) file += *part.data;
		const std::string path = writeTemporary(file, ".mp4");
		int status = 0;
		const std::string probe = TestStream::run("ffprobe", {"-v", "error", "-show_entries", "stream=codec_name,width,height", path}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(probe, 0, status);
		CPPUNIT_ASSERT_MESSAGE(probe, contains(probe, "codec_name=h264") && contains(probe, "width=320") && contains(probe, "height=180"));
		const std::string decode = TestStream::run("ffmpeg", {"-v", "error", "-i", path, "-f", "null", "-"}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(decode, 0, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("decodes without an error", std::string(), decode);
	}

	void testLaterPartDecodesAfterInit()
	{
		// a player that joins late appends the init segment and the parts from an independent one on
		TestStream stream(25, 12);
		PartCollector collector;
		stream.feed(collector);
		std::size_t from = collector.parts.size() / 2;
		while (!collector.parts[from].independent) ++from;
		std::string file = *collector.parts.front().init;
		for (std::size_t i = from; i < collector.parts.size(); ++i) file += *collector.parts[i].data;
		int status = 0;
		const std::string decode = TestStream::run("ffmpeg", {"-v", "error", "-i", writeTemporary(file, ".mp4"), "-f", "null", "-"}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(decode, 0, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("decodes without an error", std::string(), decode);
	}

	void testSecondBeginIsANewRun()
	{
		TestStream stream(25, 12);
		PartCollector collector;
		stream.feed(collector);
		const std::size_t firstRun = collector.parts.size();
		stream.feed(collector);
		CPPUNIT_ASSERT(collector.parts.size() > firstRun + 30);
		// the second begin() completed the first run's open part, ended at the end of its last frame
		std::size_t newRun = 0;
		for (std::size_t i = 0; i < collector.parts.size(); ++i)
		{
			if (collector.parts[i].discontinuity) newRun = i;
		}
		CPPUNIT_ASSERT_EQUAL(firstRun + 1, newRun);
		const Part& first = collector.parts[newRun];
		CPPUNIT_ASSERT(first.independent && first.segmentStart);
		CPPUNIT_ASSERT(first.init != collector.parts.front().init);
		CPPUNIT_ASSERT_EQUAL(std::string("ftyp"), first.init->substr(4, 4));
		Poco::Int64 total = 0;
		for (std::size_t i = 0; i < newRun; ++i) total += collector.parts[i].duration;
		CPPUNIT_ASSERT_DOUBLES_EQUAL(stream.videoDuration(), static_cast<double>(total) / 1e6, 0.001);
	}

	void testPartDatesFollowTheMedia()
	{
		TestStream stream(25, 12);
		PartCollector collector;
		stream.feed(collector);
		for (std::size_t i = 1; i < collector.parts.size(); ++i)
		{
			const Poco::Timestamp::TimeDiff step = collector.parts[i].programDateTime - collector.parts[i - 1].programDateTime;
			CPPUNIT_ASSERT_EQUAL(collector.parts[i - 1].duration, step);
		}
		CPPUNIT_ASSERT(collector.parts.front().programDateTime <= Poco::Timestamp());
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputHlsCmafTest);
