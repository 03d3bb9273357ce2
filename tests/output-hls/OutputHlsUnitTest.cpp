//
// OutputHlsUnitTest.cpp
//
// Unit tests of the output-hls plugin's parts, compiled in from
// plugins/output-hls: the URL scheme, byte ranges, the viewer count, the
// playlist of an HlsChannel and the Segmenter fed real media.
//

#include "ByteRange.h"
#include "TextSearch.h"
#include "ChannelDirectory.h"
#include "HlsChannel.h"
#include "HlsPaths.h"
#include "HlsSink.h"
#include "MediaPlaylist.h"
#include "Segmenter.h"
#include "HlsTestSupport.h"
#include "TestStream.h"
#include "ViewerTracker.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
}

using restream::ChannelFormat;
using outputhls::ByteRange;
using outputhls::ChannelDirectory;
using outputhls::HlsChannel;
using outputhls::HlsPaths;
using outputhls::HlsSettings;
using outputhls::HlsSink;
using outputhls::Segment;
using outputhls::Segmenter;
using outputhls::ViewerTracker;
using restream::test::TestStream;
using restream::test::contains;
using restream::test::lines;
using restream::test::writeTemporary;

namespace {

const std::string TOKEN = "3f9a0c1b2e";

class SegmentCollector : public restream::ChannelSink
	/// A ChannelSink straight on a Segmenter that keeps every segment.
{
public:
	explicit SegmentCollector(Poco::Timespan target = Poco::Timespan(2, 0)):
		_segmenter(target, [this](Segment&& segment) { segments.push_back(std::move(segment)); })
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
		_segmenter.close();
	}

	bool playable() const override
	{
		return !segments.empty();
	}

	int viewers() const override
	{
		return 0;
	}

	Poco::UInt64 bytesServed() const override
	{
		return 0;
	}

	Segmenter& segmenter()
	{
		return _segmenter;
	}

	std::vector<Segment> segments;

private:
	Segmenter _segmenter;
};

Segment fakeSegment(double seconds, bool discontinuity = false)
{
	Segment segment;
	segment.data = std::make_shared<const std::string>("segment bytes");
	segment.duration = static_cast<Poco::Int64>(std::llround(seconds * 1e6));
	segment.discontinuity = discontinuity;
	return segment;
}

HlsSettings settings(std::size_t windowSize, std::size_t keepSegments)
{
	HlsSettings result;
	result.windowSize = windowSize;
	result.keepSegments = keepSegments;
	return result;
}


std::string playlistOf(const HlsChannel& channel)
{
	const auto text = channel.playlist(HlsPaths::PlaylistLocation::Root);
	CPPUNIT_ASSERT(text);
	return *text;
}


int pidAt(const std::string& bytes, std::size_t packet)
{
	const std::size_t offset = packet * 188;
	return ((static_cast<unsigned char>(bytes[offset + 1]) & 0x1F) << 8) | static_cast<unsigned char>(bytes[offset + 2]);
}

std::size_t firstPacketOf(const std::string& bytes, int pid)
	/// The index of the first TS packet on pid, or the packet count.
{
	std::size_t packet = 0;
	while (packet < bytes.size() / 188 && pidAt(bytes, packet) != pid) ++packet;
	return packet;
}

bool startsWithTables(const std::string& bytes)
	/// True when PAT and PMT come before the first video and audio packets
	/// (the muxer puts the SDT first; PIDs as FFmpeg's mpegts muxer assigns them).
{
	const std::size_t pat = firstPacketOf(bytes, 0);
	const std::size_t pmt = firstPacketOf(bytes, 0x1000);
	const std::size_t media = std::min(firstPacketOf(bytes, 0x100), firstPacketOf(bytes, 0x101));
	return pat < pmt && pmt < media && media < bytes.size() / 188;
}

struct Continuity
	/// What the continuity counters of a stretch of MPEG-TS say.
{
	int jumps = 0;       /// packets with payload whose counter is not the last one + 1 (mod 16)
	int indicators = 0;  /// packets with the adaptation field's discontinuity_indicator set
};

Continuity continuityOf(const std::string& bytes)
{
	Continuity result;
	std::map<int, int> last;
	for (std::size_t packet = 0; packet < bytes.size() / 188; ++packet)
	{
		const auto* data = reinterpret_cast<const unsigned char*>(bytes.data() + packet * 188);
		const int control = (data[3] >> 4) & 3;
		if ((control & 2) && data[4] > 0 && (data[5] & 0x80)) ++result.indicators;
		if (!(control & 1)) continue;
		const int counter = data[3] & 0x0F;
		const auto previous = last.find(pidAt(bytes, packet));
		if (previous != last.end() && (previous->second + 1) % 16 != counter) ++result.jumps;
		last[pidAt(bytes, packet)] = counter;
	}
	return result;
}


} // namespace

class OutputHlsUnitTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputHlsUnitTest);
	CPPUNIT_TEST(testByteRanges);
	CPPUNIT_TEST(testSegmentPaths);
	CPPUNIT_TEST(testChannelPlaylistPaths);
	CPPUNIT_TEST(testLowLatencyPaths);
	CPPUNIT_TEST(testViewerTracker);
	CPPUNIT_TEST(testViewerTrackerBounded);
	CPPUNIT_TEST(testPlaylistTags);
	CPPUNIT_TEST(testWindowAndKeep);
	CPPUNIT_TEST(testTargetDurationNeverDecreases);
	CPPUNIT_TEST(testDiscontinuitySequence);
	CPPUNIT_TEST(testClosedChannel);
	CPPUNIT_TEST(testDirectoryContinuity);
	CPPUNIT_TEST(testLastSegmentEndsThePlaylistInOneRendering);
	CPPUNIT_TEST(testEndedPlaylistExpires);
	CPPUNIT_TEST(testProgramPaths);
	CPPUNIT_TEST(testNumbersSurviveARestart);
	CPPUNIT_TEST(testProgramDateTimeArithmetic);
	CPPUNIT_TEST(testProgramDateTimeFollowsTheMedia);
	CPPUNIT_TEST(testCutsAtKeyframes);
	CPPUNIT_TEST(testLongGopSegments);
	CPPUNIT_TEST(testShortGopSegments);
	CPPUNIT_TEST(testSegmentsStartWithTables);
	CPPUNIT_TEST(testSegmentDecodesAlone);
	CPPUNIT_TEST(testSecondBeginIsDiscontinuity);
	CPPUNIT_TEST(testJoinsAtKeyframe);
	CPPUNIT_TEST(testSinkRefusesBadInput);
	CPPUNIT_TEST(testSinkWithoutLowLatency);
	CPPUNIT_TEST_SUITE_END();

public:
	void testByteRanges()
	{
		const auto check = [](const std::string& header, ByteRange::Kind kind, std::size_t first = 0, std::size_t last = 0) {
			const ByteRange range = ByteRange::parse(header, 1000);
			CPPUNIT_ASSERT_MESSAGE(header, range.kind() == kind);
			if (kind != ByteRange::Kind::Partial) return;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(header, first, range.first());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(header, last, range.last());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(header, last - first + 1, range.length());
		};
		check("", ByteRange::Kind::Whole);
		check("bytes=0-99", ByteRange::Kind::Partial, 0, 99);
		check("bytes=0-0", ByteRange::Kind::Partial, 0, 0);
		check("bytes=900-", ByteRange::Kind::Partial, 900, 999);
		check("bytes=-100", ByteRange::Kind::Partial, 900, 999);
		check("bytes=-5000", ByteRange::Kind::Partial, 0, 999);
		check("bytes=10-5000", ByteRange::Kind::Partial, 10, 999);
		check("Bytes=1-2", ByteRange::Kind::Partial, 1, 2);
		check("bytes=1000-", ByteRange::Kind::Unsatisfiable);
		check("bytes=1000-2000", ByteRange::Kind::Unsatisfiable);
		check("bytes=-0", ByteRange::Kind::Unsatisfiable);
		check("bytes=abc", ByteRange::Kind::Whole);
		check("bytes=5-1", ByteRange::Kind::Whole);
		check("bytes=0-1,5-6", ByteRange::Kind::Whole);
		check("items=0-1", ByteRange::Kind::Whole);
		check("bytes=-", ByteRange::Kind::Whole);
		check("bytes=1-2-3", ByteRange::Kind::Whole);
		check("bytes=+1-2", ByteRange::Kind::Whole);
		check("bytes=99999999999999999999-", ByteRange::Kind::Whole);
		CPPUNIT_ASSERT(ByteRange::parse("bytes=0-", 0).kind() == ByteRange::Kind::Unsatisfiable);
	}

	void testSegmentPaths()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("3f9a0c1b2e-42.ts"), HlsPaths::segmentName(TOKEN, 42));
		CPPUNIT_ASSERT_EQUAL(std::string("hls/101/"), HlsPaths::segmentFolder(101, HlsPaths::PlaylistLocation::Root));
		CPPUNIT_ASSERT_EQUAL(std::string("../hls/101/"),
			HlsPaths::segmentFolder(101, HlsPaths::PlaylistLocation::ChannelFolder));

		Poco::Int64 streamId = 0;
		std::string token;
		Poco::UInt64 sequence = 0;
		CPPUNIT_ASSERT(HlsPaths::parseSegment("/hls/101/3f9a0c1b2e-42.ts", streamId, token, sequence));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(101), streamId);
		CPPUNIT_ASSERT_EQUAL(TOKEN, token);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(42), sequence);
		CPPUNIT_ASSERT(HlsPaths::parseSegment("/hls/7/0000000000-0.ts", streamId, token, sequence));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), sequence);

		for (const std::string bad : {"/hls/101/../../etc/passwd", "/hls/101/3F9A0C1B2E-42.ts", "/hls/0101/3f9a0c1b2e-42.ts",
				 "/hls/0/3f9a0c1b2e-42.ts", "/hls/101/3f9a0c1b2e-042.ts", "/hls/101/3f9a0c1b2e-42.ts/",
				 "/hls/101/3f9a0c1b2e-42.tsx", "/hls/101/3f9a0c1b2e-.ts", "/hls/101/3f9a0c1b2e42.ts",
				 "/hls/101/3f9a0c1b2e-4-2.ts", "/hls/101/x/3f9a0c1b2e-42.ts", "/hls/101/3f9a0c1b2-42.ts",
				 "/hls/101/3f9a0c1b2ee-42.ts", "/hls/101/3f9a0c1b2g-42.ts", "/hls/101/3f9a0c1b2e-42.m3u8",
				 "/hls//3f9a0c1b2e-42.ts", "/hls/101/", "/hls/", "/hls/101/3f9a0c1b2e--1.ts",
				 "/hls/101/3f9a0c1b2e-99999999999999999999.ts", "/hls/1234567890123456789/3f9a0c1b2e-1.ts",
				 "/HLS/101/3f9a0c1b2e-42.ts", "/hls/101/3f9a0c1b2e-42.ts\n", "/hls/101/3f9a0c1b2e-4%32.ts"})
		{
			CPPUNIT_ASSERT_MESSAGE(bad, !HlsPaths::parseSegment(bad, streamId, token, sequence));
		}
		CPPUNIT_ASSERT(!HlsPaths::parseSegment("/hls/101/" + std::string(300, 'a') + "-1.ts", streamId, token, sequence));
		CPPUNIT_ASSERT(!HlsPaths::isToken("3f9a0c1b2"));
		CPPUNIT_ASSERT(HlsPaths::isToken(TOKEN));
	}

	void testChannelPlaylistPaths()
	{
		Poco::Int64 streamId = 0;
		CPPUNIT_ASSERT(HlsPaths::parseChannelPlaylist("/live/101.m3u8", streamId));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(101), streamId);
		for (const std::string bad : {"/live/.m3u8", "/live/0.m3u8", "/live/01.m3u8", "/live/101.m3u8x", "/live/a.m3u8",
				 "/live/101/x.m3u8", "/live/../x.m3u8", "/live/-1.m3u8", "/live/101", "/live/", "/live/101.M3U8",
				 "/live/1234567890123456789.m3u8"})
		{
			CPPUNIT_ASSERT_MESSAGE(bad, !HlsPaths::parseChannelPlaylist(bad, streamId));
		}
	}

	void testLowLatencyPaths()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("3f9a0c1b2e-2.mp4"), HlsPaths::initName(TOKEN, 2));
		CPPUNIT_ASSERT_EQUAL(std::string("3f9a0c1b2e-42.m4s"), HlsPaths::cmafSegmentName(TOKEN, 42));
		CPPUNIT_ASSERT_EQUAL(std::string("3f9a0c1b2e-42.3.m4s"), HlsPaths::partName(TOKEN, 42, 3));
		const std::map<std::string, std::pair<HlsPaths::MediaKind, std::pair<Poco::UInt64, Poco::UInt64>>> good = {
			{"/hls/101/3f9a0c1b2e-42.ts", {HlsPaths::MediaKind::TsSegment, {42, 0}}},
			{"/hls/101/3f9a0c1b2e-2.mp4", {HlsPaths::MediaKind::InitSegment, {2, 0}}},
			{"/hls/101/3f9a0c1b2e-42.m4s", {HlsPaths::MediaKind::CmafSegment, {42, 0}}},
			{"/hls/program/3f9a0c1b2e-42.0.m4s", {HlsPaths::MediaKind::Part, {42, 0}}},
			{"/hls/101/3f9a0c1b2e-42.17.m4s", {HlsPaths::MediaKind::Part, {42, 17}}},
		};
		for (const auto& entry : good)
		{
			HlsPaths::Media media;
			CPPUNIT_ASSERT_MESSAGE(entry.first, HlsPaths::parseMedia(entry.first, media));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(entry.first, TOKEN, media.token);
			CPPUNIT_ASSERT_MESSAGE(entry.first, media.kind == entry.second.first);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(entry.first, entry.second.second.first, media.number);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(entry.first, entry.second.second.second, media.part);
		}
		HlsPaths::Media media;
		for (const std::string bad : {"/hls/101/3f9a0c1b2e-42..m4s", "/hls/101/3f9a0c1b2e-42.01.m4s", "/hls/101/3f9a0c1b2e-42.1.mp4",
				 "/hls/101/3f9a0c1b2e-42.1.ts", "/hls/101/3f9a0c1b2e-42.1.2.m4s", "/hls/101/3f9a0c1b2e-42.12345.m4s",
				 "/hls/101/3f9a0c1b2e-42.m4", "/hls/101/3f9a0c1b2e-.m4s", "/hls/101/3f9a0c1b2e-42.-1.m4s", "/hls/101/3f9a0c1b2e-42.ts.m4s",
				 "/hls/101/3f9a0c1b2e-42", "/hls/101/3f9a0c1b2e-init.mp4"})
		{
			CPPUNIT_ASSERT_MESSAGE(bad, !HlsPaths::parseMedia(bad, media));
		}
		Poco::Int64 streamId = 0;
		CPPUNIT_ASSERT(HlsPaths::parseLowLatencyPlaylist("/live/101.ll.m3u8", streamId));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(101), streamId);
		CPPUNIT_ASSERT(!HlsPaths::parseChannelPlaylist("/live/101.ll.m3u8", streamId));
		for (const std::string bad : {"/live/101.m3u8", "/live/.ll.m3u8", "/live/0.ll.m3u8", "/live/101.ll.m3u8x", "/live/101.LL.m3u8"})
			CPPUNIT_ASSERT_MESSAGE(bad, !HlsPaths::parseLowLatencyPlaylist(bad, streamId));
	}

	void testViewerTracker()
	{
		ViewerTracker tracker(Poco::Timespan(30, 0));
		Poco::Timestamp now;
		tracker.seen("10.0.0.1", "VLC", now);
		tracker.seen("10.0.0.1", "hls.js", now);
		tracker.seen("10.0.0.2", "VLC", now);
		tracker.seen("10.0.0.2", "VLC", now);
		CPPUNIT_ASSERT_EQUAL(3, tracker.count(now));
		CPPUNIT_ASSERT_EQUAL(3, tracker.count(now + Poco::Timespan(29, 0).totalMicroseconds()));
		tracker.seen("10.0.0.2", "VLC", now + Poco::Timespan(20, 0).totalMicroseconds());
		CPPUNIT_ASSERT_EQUAL(1, tracker.count(now + Poco::Timespan(31, 0).totalMicroseconds()));
		// the same pair with a long User-Agent counts once
		tracker.seen("10.0.0.3", std::string(1000, 'x') + "a", now);
		tracker.seen("10.0.0.3", std::string(1000, 'x') + "b", now);
		CPPUNIT_ASSERT_EQUAL(4, tracker.count(now));
		tracker.clear();
		CPPUNIT_ASSERT_EQUAL(0, tracker.count(now));
	}

	void testViewerTrackerBounded()
	{
		ViewerTracker tracker(Poco::Timespan(30, 0), 2);
		Poco::Timestamp now;
		tracker.seen("10.0.0.1", "a", now);
		tracker.seen("10.0.0.2", "a", now);
		tracker.seen("10.0.0.3", "a", now);
		CPPUNIT_ASSERT_EQUAL(2, tracker.count(now));
		// once the old pairs expired (pruned at most once a second), new ones count again
		const Poco::Timestamp later = now + Poco::Timespan(40, 0).totalMicroseconds();
		tracker.seen("10.0.0.3", "a", later);
		CPPUNIT_ASSERT_EQUAL(1, tracker.count(later));
	}

	void testPlaylistTags()
	{
		HlsChannel channel(101, "channel-101", TOKEN, HlsChannel::Continuity(), settings(6, 4), nullptr);
		CPPUNIT_ASSERT(!channel.playable());
		CPPUNIT_ASSERT(!channel.playlist(HlsPaths::PlaylistLocation::Root));
		Segment first = fakeSegment(2.0);
		first.programDateTime = Poco::Timestamp::fromEpochTime(1700000000) + 123000;
		channel.publish(first);
		channel.publish(fakeSegment(1.96));
		CPPUNIT_ASSERT(channel.playable());

		const std::string expected = "#EXTM3U\n"
									 "#EXT-X-VERSION:3\n"
									 "#EXT-X-TARGETDURATION:2\n"
									 "#EXT-X-MEDIA-SEQUENCE:0\n"
									 "#EXT-X-INDEPENDENT-SEGMENTS\n"
									 "#EXT-X-PROGRAM-DATE-TIME:2023-11-14T22:13:20.123Z\n"
									 "#EXTINF:2.000,\n"
									 "hls/101/3f9a0c1b2e-0.ts\n";
		const std::string text = playlistOf(channel);
		CPPUNIT_ASSERT_EQUAL(expected, text.substr(0, expected.size()));
		CPPUNIT_ASSERT(contains(text, "#EXTINF:1.960,\nhls/101/3f9a0c1b2e-1.ts\n"));
		CPPUNIT_ASSERT(!contains(text, "ENDLIST"));
		CPPUNIT_ASSERT(!contains(text, "DISCONTINUITY"));
		const std::string folder = *channel.playlist(HlsPaths::PlaylistLocation::ChannelFolder);
		CPPUNIT_ASSERT(contains(folder, "\n../hls/101/3f9a0c1b2e-0.ts\n"));
		CPPUNIT_ASSERT_EQUAL(std::string("segment bytes"), *channel.segment(1));
		CPPUNIT_ASSERT(!channel.segment(2));
	}

	void testWindowAndKeep()
	{
		HlsChannel channel(101, "channel-101", TOKEN, HlsChannel::Continuity(), settings(3, 2), nullptr);
		for (int i = 0; i < 10; ++i) channel.publish(fakeSegment(2.0));
		const std::string text = playlistOf(channel);
		CPPUNIT_ASSERT(contains(text, "#EXT-X-MEDIA-SEQUENCE:7\n"));
		int listed = 0;
		for (const auto& line : lines(text)) listed += line.find(".ts") != std::string::npos ? 1 : 0;
		CPPUNIT_ASSERT_EQUAL(3, listed);
		CPPUNIT_ASSERT(contains(text, "3f9a0c1b2e-7.ts") && contains(text, "3f9a0c1b2e-9.ts"));
		// two more are kept for late downloaders, older ones are gone
		CPPUNIT_ASSERT(channel.segment(5) && channel.segment(6));
		CPPUNIT_ASSERT(!channel.segment(4));
		CPPUNIT_ASSERT(!channel.segment(10));
	}

	void testTargetDurationNeverDecreases()
	{
		HlsChannel channel(101, "channel-101", TOKEN, HlsChannel::Continuity(), settings(3, 0), nullptr);
		channel.publish(fakeSegment(2.0));
		CPPUNIT_ASSERT(contains(playlistOf(channel), "#EXT-X-TARGETDURATION:2\n"));
		channel.publish(fakeSegment(5.2));
		CPPUNIT_ASSERT(contains(playlistOf(channel), "#EXT-X-TARGETDURATION:6\n"));
		for (int i = 0; i < 5; ++i) channel.publish(fakeSegment(2.0));
		const std::string text = playlistOf(channel);
		CPPUNIT_ASSERT(!contains(text, "#EXTINF:5.200"));
		CPPUNIT_ASSERT(contains(text, "#EXT-X-TARGETDURATION:6\n"));
		// durations are rounded to the millisecond before rounding up
		CPPUNIT_ASSERT_EQUAL(2, outputhls::MediaPlaylist::targetDuration(2000400));
		CPPUNIT_ASSERT_EQUAL(3, outputhls::MediaPlaylist::targetDuration(2000600));
		CPPUNIT_ASSERT_EQUAL(1, outputhls::MediaPlaylist::targetDuration(0));
	}

	void testDiscontinuitySequence()
	{
		HlsChannel channel(101, "channel-101", TOKEN, HlsChannel::Continuity(), settings(3, 1), nullptr);
		channel.publish(fakeSegment(2.0));
		channel.publish(fakeSegment(2.0));
		channel.publish(fakeSegment(1.2, true));
		std::string text = playlistOf(channel);
		CPPUNIT_ASSERT(contains(text, "#EXT-X-DISCONTINUITY-SEQUENCE:0\n"));
		CPPUNIT_ASSERT(contains(text, "#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:"));
		const std::size_t tag = text.find("#EXT-X-DISCONTINUITY\n");
		CPPUNIT_ASSERT(tag > text.find("3f9a0c1b2e-1.ts") && tag < text.find("3f9a0c1b2e-2.ts"));

		channel.publish(fakeSegment(2.0));
		channel.publish(fakeSegment(2.0));
		text = playlistOf(channel);
		// the discontinuity is the window's first segment: it keeps its tag, the sequence counts those before
		CPPUNIT_ASSERT(contains(text, "#EXT-X-MEDIA-SEQUENCE:2\n#EXT-X-DISCONTINUITY-SEQUENCE:0\n"));
		CPPUNIT_ASSERT(contains(text, "#EXT-X-DISCONTINUITY\n"));
		channel.publish(fakeSegment(2.0));
		text = playlistOf(channel);
		CPPUNIT_ASSERT(contains(text, "#EXT-X-MEDIA-SEQUENCE:3\n#EXT-X-DISCONTINUITY-SEQUENCE:1\n"));
		CPPUNIT_ASSERT(!contains(text, "#EXT-X-DISCONTINUITY\n"));
	}

	void testClosedChannel()
	{
		HlsChannel channel(101, "channel-101", TOKEN, HlsChannel::Continuity(), settings(3, 1), nullptr);
		channel.publish(fakeSegment(2.0));
		channel.served("10.0.0.1", "VLC", 100);
		CPPUNIT_ASSERT_EQUAL(1, channel.viewers());
		channel.close();
		CPPUNIT_ASSERT(!channel.playable());
		CPPUNIT_ASSERT(!channel.playlist(HlsPaths::PlaylistLocation::Root));
		CPPUNIT_ASSERT(!channel.segment(0));
		CPPUNIT_ASSERT_EQUAL(0, channel.viewers());
		channel.publish(fakeSegment(2.0));
		CPPUNIT_ASSERT(!channel.playable());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(100), channel.bytesServed());
	}

	void testLastSegmentEndsThePlaylistInOneRendering()
	{
		ChannelDirectory directory(settings(3, 1));
		auto channel = directory.open(101);
		channel->publish(fakeSegment(2.0));
		const std::string live = playlistOf(*channel);
		CPPUNIT_ASSERT(!contains(live, "ENDLIST"));
		channel->publish(fakeSegment(0.8), true);
		const std::string ended = playlistOf(*channel);
		CPPUNIT_ASSERT_MESSAGE(ended, contains(ended, "#EXTINF:0.800,\nhls/101/" + channel->token() + "-2.ts\n#EXT-X-ENDLIST\n"));
		CPPUNIT_ASSERT(channel->ended());
		channel->publish(fakeSegment(2.0)); // ignored: the playlist has ended
		CPPUNIT_ASSERT_EQUAL(ended, playlistOf(*channel));
	}

	void testDirectoryContinuity()
	{
		ChannelDirectory directory(settings(3, 1));
		auto first = directory.open(101);
		for (int i = 0; i < 4; ++i) first->publish(fakeSegment(2.0));
		CPPUNIT_ASSERT(directory.find(101) == first);
		CPPUNIT_ASSERT(directory.find(101, first->token()) == first);
		CPPUNIT_ASSERT(!directory.find(102));
		directory.end(first);
		// an ended playlist is still served, with ENDLIST, so players end cleanly
		CPPUNIT_ASSERT(directory.find(101) == first);
		CPPUNIT_ASSERT(contains(playlistOf(*first), "#EXT-X-ENDLIST\n"));
		CPPUNIT_ASSERT(!first->playable());

		// the playlist's next sink carries on: new token, numbers continue, its first segment is a discontinuity
		auto second = directory.open(101);
		CPPUNIT_ASSERT(second->token() != first->token());
		CPPUNIT_ASSERT(HlsPaths::isToken(second->token()));
		CPPUNIT_ASSERT_MESSAGE("the running sink wins over the ended one", directory.find(101) == second);
		second->publish(fakeSegment(2.0));
		const std::string text = playlistOf(*second);
		CPPUNIT_ASSERT(contains(text, "#EXT-X-MEDIA-SEQUENCE:5\n#EXT-X-DISCONTINUITY-SEQUENCE:0\n"));  // 1 to 4 before
		CPPUNIT_ASSERT(contains(text, "#EXT-X-DISCONTINUITY\n"));
		CPPUNIT_ASSERT(contains(text, second->token() + "-5.ts"));
		CPPUNIT_ASSERT(!contains(text, "ENDLIST"));
		// another stream starts afresh, from 1 (hls.js blocks on reloads only past segment 0)
		auto other = directory.open(102);
		other->publish(fakeSegment(2.0));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), ChannelDirectory::FIRST_SEQUENCE);
		CPPUNIT_ASSERT(contains(playlistOf(*other), "#EXT-X-MEDIA-SEQUENCE:1\n"));
		CPPUNIT_ASSERT(!contains(playlistOf(*other), "DISCONTINUITY"));
	}

	void testEndedPlaylistExpires()
	{
		HlsSettings shortGrace = settings(3, 1);
		shortGrace.endedGrace = Poco::Timespan(0, 100000);
		ChannelDirectory directory(shortGrace);
		auto channel = directory.open(0);
		channel->publish(fakeSegment(2.0));
		directory.end(channel);
		CPPUNIT_ASSERT(directory.find(0) == channel);
		Poco::Thread::sleep(150);
		CPPUNIT_ASSERT_MESSAGE("after the grace the playlist is gone (404)", !directory.find(0));
		CPPUNIT_ASSERT_MESSAGE("and its memory released", !channel->segment(0));
	}

	void testProgramPaths()
	{
		HlsChannel program(0, "program", TOKEN, HlsChannel::Continuity(), settings(3, 1), nullptr);
		program.publish(fakeSegment(2.0));
		CPPUNIT_ASSERT(contains(playlistOf(program), "\nhls/program/3f9a0c1b2e-0.ts\n"));
		Poco::Int64 streamId = -1;
		std::string token;
		Poco::UInt64 sequence = 0;
		CPPUNIT_ASSERT(HlsPaths::parseSegment("/hls/program/3f9a0c1b2e-12.ts", streamId, token, sequence));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), streamId);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(12), sequence);
		CPPUNIT_ASSERT(!HlsPaths::parseSegment("/hls/0/3f9a0c1b2e-12.ts", streamId, token, sequence));
		CPPUNIT_ASSERT(!HlsPaths::parseSegment("/hls/programs/3f9a0c1b2e-12.ts", streamId, token, sequence));
	}

	void testNumbersSurviveARestart()
	{
		Poco::TemporaryFile state;
		state.createDirectories();
		HlsSettings kept = settings(3, 1);
		kept.stateDirectory = state.path();
		Poco::UInt64 lastSequence = 0;
		Poco::UInt64 lastDiscontinuity = 0;
		{
			ChannelDirectory before(kept);
			auto program = before.open(0);
			for (int i = 0; i < 5; ++i) program->publish(fakeSegment(2.0, i == 3));
			lastSequence = program->continuity().nextSequence - 1;
			lastDiscontinuity = program->continuity().discontinuitySequence;
			// killed here: no end(), nothing written at exit
		}
		ChannelDirectory after(kept);
		auto program = after.open(0);
		program->publish(fakeSegment(2.0));
		Poco::UInt64 sequence = 0;
		Poco::UInt64 discontinuity = 0;
		for (const auto& line : lines(playlistOf(*program)))
		{
			if (line.compare(0, 22, "#EXT-X-MEDIA-SEQUENCE:") == 0) sequence = std::stoull(line.substr(22));
			if (line.compare(0, 30, "#EXT-X-DISCONTINUITY-SEQUENCE:") == 0) discontinuity = std::stoull(line.substr(30));
		}
		CPPUNIT_ASSERT_MESSAGE("the media sequence goes on rising after a restart", sequence > lastSequence);
		CPPUNIT_ASSERT_MESSAGE("and so does the discontinuity sequence", discontinuity >= lastDiscontinuity);
		CPPUNIT_ASSERT(program->continuity().discontinuitySequence > lastDiscontinuity);
		CPPUNIT_ASSERT_MESSAGE("the restart is a discontinuity", contains(playlistOf(*program), "#EXT-X-DISCONTINUITY\n"));
	}

	void testProgramDateTimeArithmetic()
	{
		HlsChannel channel(101, "channel-101", TOKEN, HlsChannel::Continuity(), settings(10, 0), nullptr);
		const Poco::Timestamp start = Poco::Timestamp::fromEpochTime(1700000000);
		Segment first = fakeSegment(2.0);
		first.programDateTime = start;
		channel.publish(first);
		Segment second = fakeSegment(1.5);
		second.programDateTime = start + 2000000;
		channel.publish(second);
		// a new run whose clock would start before the last one ended (a burst after a reconnect)
		Segment third = fakeSegment(2.0, true);
		third.programDateTime = start + 3000000;
		channel.publish(third);
		Segment fourth = fakeSegment(2.0);
		fourth.programDateTime = start + 5000000;
		channel.publish(fourth);
		const std::string text = playlistOf(channel);
		CPPUNIT_ASSERT(contains(text, "#EXT-X-PROGRAM-DATE-TIME:2023-11-14T22:13:22.000Z\n#EXTINF:1.500"));
		CPPUNIT_ASSERT_MESSAGE("the run starts where the last one ended", contains(text, "#EXT-X-PROGRAM-DATE-TIME:2023-11-14T22:13:23.500Z\n#EXTINF:2.000"));
		CPPUNIT_ASSERT_MESSAGE("and the run's own steps follow", contains(text, "#EXT-X-PROGRAM-DATE-TIME:2023-11-14T22:13:25.500Z\n"));
	}

	void testProgramDateTimeFollowsTheMedia()
	{
		// fed as fast as it can be read, as a probe's burst is: the dates still step exactly by EXTINF
		TestStream stream(50, 12);
		SegmentCollector collector;
		stream.feed(collector);
		CPPUNIT_ASSERT(collector.segments.size() >= 4);
		for (std::size_t i = 1; i < collector.segments.size(); ++i)
		{
			const Poco::Timestamp::TimeDiff step = collector.segments[i].programDateTime - collector.segments[i - 1].programDateTime;
			CPPUNIT_ASSERT_EQUAL(collector.segments[i - 1].duration, step);
		}
		CPPUNIT_ASSERT_MESSAGE("dated on the wall clock, not in the future", collector.segments.front().programDateTime <= Poco::Timestamp());
	}

	void testCutsAtKeyframes()
	{
		TestStream stream(50, 12);
		SegmentCollector collector;
		stream.feed(collector);
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), collector.segments.size());  // the last GOP is still open
		Poco::Int64 total = 0;
		for (const Segment& segment : collector.segments)
		{
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(2000000), segment.duration);
			CPPUNIT_ASSERT(!segment.discontinuity);
			total += segment.duration;
		}
		CPPUNIT_ASSERT_DOUBLES_EQUAL(stream.keyframeSpan(), static_cast<double>(total) / 1e6, 0.001);
		// a begin() completes the open segment, timed to the end of its last frame
		collector.segmenter().begin(stream.format());
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), collector.segments.size());
		total += collector.segments.back().duration;
		CPPUNIT_ASSERT_DOUBLES_EQUAL(stream.videoDuration(), static_cast<double>(total) / 1e6, 0.001);
	}

	void testLongGopSegments()
	{
		// a 3 s GOP with a 2 s target: segments last whole GOPs, never cut before a keyframe
		TestStream stream(75, 12);
		SegmentCollector collector;
		stream.feed(collector);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), collector.segments.size());
		for (const Segment& segment : collector.segments) CPPUNIT_ASSERT_EQUAL(Poco::Int64(3000000), segment.duration);
	}

	void testShortGopSegments()
	{
		// a 1 s GOP with a 2 s target: the run's first segment is cut at its 1 s keyframe (half the
		// target: the first playlist a GOP sooner), then every other keyframe cuts
		TestStream stream(25, 12);
		SegmentCollector collector;
		stream.feed(collector);
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), collector.segments.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1000000), collector.segments.front().duration);
		for (std::size_t i = 1; i < collector.segments.size(); ++i) CPPUNIT_ASSERT_EQUAL(Poco::Int64(2000000), collector.segments[i].duration);
	}

	void testSegmentsStartWithTables()
	{
		TestStream stream(50, 12);
		SegmentCollector collector;
		stream.feed(collector);
		for (const Segment& segment : collector.segments)
		{
			const std::string& bytes = *segment.data;
			CPPUNIT_ASSERT(bytes.size() > 2 * 188);
			CPPUNIT_ASSERT_EQUAL(std::size_t(0), bytes.size() % 188);
			for (std::size_t offset = 0; offset < bytes.size(); offset += 188) CPPUNIT_ASSERT_EQUAL('\x47', bytes[offset]);
			CPPUNIT_ASSERT(startsWithTables(bytes));
			CPPUNIT_ASSERT_EQUAL(std::size_t(0), firstPacketOf(bytes, 0x11));  // SDT, then PAT and PMT
		}
	}

	void testSegmentDecodesAlone()
	{
		TestStream stream(50, 12);
		SegmentCollector collector;
		stream.feed(collector);
		const std::string path = writeTemporary(*collector.segments.at(2).data, ".ts");
		int status = 0;
		const std::string probe = TestStream::run("ffprobe", {"-v", "error", "-show_streams", path}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(probe, 0, status);
		CPPUNIT_ASSERT_MESSAGE(probe, contains(probe, "codec_name=h264"));
		CPPUNIT_ASSERT_MESSAGE(probe, contains(probe, "codec_name=aac"));
		CPPUNIT_ASSERT_MESSAGE(probe, contains(probe, "width=320"));

		// the first picture decodes (it is a keyframe) and the timestamps are the ones fed, unshifted
		AVFormatContext* input = nullptr;
		CPPUNIT_ASSERT_EQUAL(0, avformat_open_input(&input, path.c_str(), nullptr, nullptr));
		CPPUNIT_ASSERT(avformat_find_stream_info(input, nullptr) >= 0);
		const int video = av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
		AVPacket* packet = av_packet_alloc();
		while (av_read_frame(input, packet) >= 0 && packet->stream_index != video) av_packet_unref(packet);
		CPPUNIT_ASSERT(packet->flags & AV_PKT_FLAG_KEY);
		CPPUNIT_ASSERT_EQUAL(stream.firstVideoPts() + 2 * 2 * 90000, static_cast<Poco::Int64>(packet->pts));
		av_packet_free(&packet);
		avformat_close_input(&input);
	}

	void testSecondBeginIsDiscontinuity()
	{
		TestStream stream(50, 12);
		SegmentCollector collector;
		stream.feed(collector);
		stream.feed(collector);
		CPPUNIT_ASSERT_EQUAL(std::size_t(11), collector.segments.size());
		for (std::size_t i = 0; i < collector.segments.size(); ++i)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(i), i == 6, collector.segments[i].discontinuity);
		// the first run's open segment was completed by the second begin()
		CPPUNIT_ASSERT(collector.segments[5].duration > 1900000 && collector.segments[5].duration < 2100000);
		CPPUNIT_ASSERT(startsWithTables(*collector.segments[6].data));

		// within a run the continuity counters go on from segment to segment; a new run restarts them
		// with the discontinuity indicator set on each PID's first packet (SDT, PAT, PMT, video, audio)
		std::string firstRun;
		std::string both;
		for (std::size_t i = 0; i < collector.segments.size(); ++i)
		{
			if (i < 6) firstRun += *collector.segments[i].data;
			both += *collector.segments[i].data;
		}
		CPPUNIT_ASSERT_EQUAL(0, continuityOf(firstRun).jumps);
		CPPUNIT_ASSERT_EQUAL(0, continuityOf(firstRun).indicators);
		CPPUNIT_ASSERT_EQUAL(5, continuityOf(both).jumps);
		CPPUNIT_ASSERT_EQUAL(5, continuityOf(both).indicators);
	}

	void testJoinsAtKeyframe()
	{
		// packets before the first keyframe of a run cannot start a segment: they are dropped
		TestStream stream(50, 12);
		SegmentCollector collector;
		CPPUNIT_ASSERT(collector.begin(stream.format()));
		stream.feedPart(collector, 10, stream.packetCount());
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), collector.segments.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(2000000), collector.segments.front().duration);
	}

	void testSinkRefusesBadInput()
	{
		auto directory = std::make_shared<ChannelDirectory>(settings(3, 1));
		Poco::Logger& logger = Poco::Logger::get("output-hls-test");
		HlsSink sink(directory, directory->open(101), settings(3, 1), logger);
		AVPacket* packet = av_packet_alloc();
		CPPUNIT_ASSERT(!sink.write(*packet));  // before begin()

		TestStream stream(50, 12);
		ChannelFormat audioFirst = stream.format();
		std::swap(audioFirst.tracks[0], audioFirst.tracks[1]);
		CPPUNIT_ASSERT(!sink.begin(audioFirst));
		CPPUNIT_ASSERT(!sink.begin(ChannelFormat()));

		CPPUNIT_ASSERT(sink.begin(stream.format()));
		packet->stream_index = 5;
		CPPUNIT_ASSERT(!sink.write(*packet));
		av_packet_free(&packet);
		sink.end();
		CPPUNIT_ASSERT(!directory->find(101) || directory->find(101)->ended());
		CPPUNIT_ASSERT(!sink.playable());
	}

	void testSinkWithoutLowLatency()
	{
		// lowLatency off: the sink cuts no part at all (no CmafSegmenter), the TS playlist is as with it on
		Poco::Logger& logger = Poco::Logger::get("output-hls-test");
		TestStream stream(50, 12);
		std::map<bool, std::vector<std::string>> durations; // the TS playlist's EXTINF lines
		for (const bool lowLatency : {true, false})
		{
			HlsSettings chosen = settings(6, 1);
			chosen.lowLatency = lowLatency;
			auto directory = std::make_shared<ChannelDirectory>(chosen);
			const std::shared_ptr<HlsChannel> channel = directory->open(101);
			HlsSink sink(directory, channel, chosen, logger);
			stream.feed(sink);
			CPPUNIT_ASSERT(sink.playable());
			const auto parts = channel->lowLatency().playlist(HlsPaths::PlaylistLocation::Root);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(lowLatency ? "parts cut" : "no part cut", lowLatency, parts != nullptr);
			for (const auto& line : lines(playlistOf(*channel)))
			{
				if (line.compare(0, 8, "#EXTINF:") == 0) durations[lowLatency].push_back(line);
			}
			sink.end();
		}
		CPPUNIT_ASSERT(durations[true].size() >= 5);
		CPPUNIT_ASSERT(durations[true] == durations[false]);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputHlsUnitTest);
