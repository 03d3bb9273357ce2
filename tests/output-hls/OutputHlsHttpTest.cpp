//
// OutputHlsHttpTest.cpp
//
// End-to-end tests of the output-hls plugin: the built output-hls.so loaded
// by an in-process host, sinks made through its Output service (the
// program's, served at /live.m3u8 with segments under /hls/program/, and
// channels', at /live/<id>.m3u8) and fed real H.264 + AAC media, playlists
// and segments read over HTTP and by ffprobe.
//

#include "HostFixture.h"
#include "TextSearch.h"
#include "HlsTestSupport.h"
#include "TestStream.h"
#include "restream/Output.h"
#include "restream/PlaybackForm.h"
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

using restream::ChannelInfo;
using restream::ChannelSink;
using restream::Output;
using restream::test::HostFixture;
using restream::test::HttpResult;
using restream::test::TestStream;
using restream::test::contains;
using restream::test::hlsSettings;
using restream::test::lines;
using restream::test::tagNumber;
using restream::test::writeTemporary;

namespace {


ChannelInfo channel(Poco::Int64 streamId)
{
	ChannelInfo info;
	info.streamId = streamId;
	info.name = "Channel " + std::to_string(streamId);
	return info;
}

std::size_t occurrences(const std::string& text, const std::string& part)
{
	std::size_t count = 0;
	for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
	return count;
}


std::vector<std::string> segmentPaths(const std::string& playlistPath, const std::string& playlist)
	/// The absolute paths of the playlist's segments, resolved as a player does.
{
	std::vector<std::string> paths;
	const Poco::URI base("http://127.0.0.1" + playlistPath);
	for (const auto& line : lines(playlist))
	{
		if (line[0] == '#') continue;
		Poco::URI uri(base);
		uri.resolve(line);
		paths.push_back(uri.getPath());
	}
	return paths;
}


double extinfSum(const std::string& playlist)
{
	double total = 0;
	for (const auto& line : lines(playlist))
	{
		if (line.compare(0, 8, "#EXTINF:") == 0) total += Poco::NumberParser::parseFloat(line.substr(8, line.find(',') - 8));
	}
	return total;
}

bool matches(const std::string& text, const std::string& shape)
	/// True when text has shape, where '9' stands for a decimal digit, 'f'
	/// for a lower-case hex digit, '*' for one or more decimal digits (at
	/// the end of shape's run of them), and any other character for itself.
{
	std::size_t at = 0;
	for (const char want : shape)
	{
		const auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
		if (want == '*')
		{
			if (!digit(at)) return false;
			while (digit(at)) ++at;
			continue;
		}
		if (at >= text.size()) return false;
		const char c = text[at++];
		if (want == '9' && !(c >= '0' && c <= '9')) return false;
		if (want == 'f' && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
		if (want != '9' && want != 'f' && c != want) return false;
	}
	return at == text.size();
}

std::vector<std::pair<Poco::Timestamp, double>> datedSegments(const std::string& playlist)
	/// Each segment's EXT-X-PROGRAM-DATE-TIME and EXTINF, in order.
{
	std::vector<std::pair<Poco::Timestamp, double>> dated;
	Poco::Timestamp date;
	for (const auto& line : lines(playlist))
	{
		if (line.compare(0, 25, "#EXT-X-PROGRAM-DATE-TIME:") == 0)
		{
			int zone = 0;
			date = Poco::DateTimeParser::parse("%Y-%m-%dT%H:%M:%s%z", line.substr(25), zone).timestamp();
		}
		if (line.compare(0, 8, "#EXTINF:") == 0)
			dated.emplace_back(date, Poco::NumberParser::parseFloat(line.substr(8, line.find(',') - 8)));
	}
	return dated;
}

void assertDatesContinue(const std::string& playlist)
	/// PDT(n+1) = PDT(n) + EXTINF(n) within 50 ms, discontinuities included.
{
	const auto dated = datedSegments(playlist);
	CPPUNIT_ASSERT_MESSAGE(playlist, dated.size() >= 2);
	for (std::size_t i = 1; i < dated.size(); ++i)
	{
		const double expected = static_cast<double>(dated[i - 1].first.epochMicroseconds()) / 1e6 + dated[i - 1].second;
		const double actual = static_cast<double>(dated[i].first.epochMicroseconds()) / 1e6;
		CPPUNIT_ASSERT_DOUBLES_EQUAL_MESSAGE("segment " + std::to_string(i) + " of\n" + playlist, expected, actual, 0.05);
	}
}

void assertEndedWithTheOpenSegment(const std::string& playlistPath, const std::string& before, const std::string& closing,
	const TestStream& stream)
	/// closing is before, the segment that was still open (the stream's
	/// last, short GOP) and EXT-X-ENDLIST, in one rendering: video.js ends
	/// only after appending a segment of an ended playlist.
{
	const std::vector<std::string> old = segmentPaths(playlistPath, before);
	const std::vector<std::string> now = segmentPaths(playlistPath, closing);
	CPPUNIT_ASSERT_MESSAGE(closing, now.size() >= 2 && now[now.size() - 2] == old.back());
	CPPUNIT_ASSERT_MESSAGE(closing, std::find(old.begin(), old.end(), now.back()) == old.end());
	const std::string tail = "\n#EXT-X-ENDLIST\n";
	CPPUNIT_ASSERT_MESSAGE(closing, closing.size() > tail.size() && closing.compare(closing.size() - tail.size(), tail.size(), tail) == 0);
	const std::size_t lastExtinf = closing.rfind("#EXTINF:");
	const double last = Poco::NumberParser::parseFloat(closing.substr(lastExtinf + 8, closing.find(',', lastExtinf) - lastExtinf - 8));
	CPPUNIT_ASSERT_DOUBLES_EQUAL(stream.videoDuration() - stream.keyframeSpan(), last, 0.01);
	assertDatesContinue(closing);
}

void waitForNotServed(HostFixture& host, const std::string& path, int seconds)
	/// Polls path until it answers 404 (the program) or, for a channel, the
	/// 503 of a host without a source asked to run it again; fails the test
	/// after seconds.
{
	const int gone = path.compare(0, 6, "/live/") == 0 ? 503 : 404;
	const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
	while (host.request("GET", "api", path).status != gone)
	{
		CPPUNIT_ASSERT_MESSAGE(path + " still served", std::chrono::steady_clock::now() < until);
		std::this_thread::sleep_for(std::chrono::milliseconds(50));
	}
}

void assertBytesServed(const ChannelSink& sink, Poco::UInt64 expected)
	/// The server counts a response once its send returns, which may be just
	/// after the client has read it: waits up to 2 s for the count to settle.
{
	for (int wait = 0; wait < 100 && sink.bytesServed() != expected; ++wait)
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
	CPPUNIT_ASSERT_EQUAL(expected, sink.bytesServed());
}

std::string detailOf(const HttpResult& result)
{
	return Poco::JSON::Parser().parse(result.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("detail");
}

void assertNoSource(HostFixture& host, const std::string& path)
	/// A channel's playlist asks the host to run the channel: without a
	/// source, a clear 503 the player may retry.
{
	const HttpResult result = host.request("GET", "api", path);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 503, result.status);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(path, std::string("10"), result.headers.get("Retry-After", ""));
	CPPUNIT_ASSERT_MESSAGE(path + ": " + result.body, contains(result.body, "\"error_code\":\"not_configured\""));
}

void assertNotFound(HostFixture& host, const std::string& path, const std::string& detail = "")
{
	const HttpResult result = host.request("GET", "api", path);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, result.status);
	CPPUNIT_ASSERT_MESSAGE(path, contains(result.headers.get("Content-Type", ""), "application/json"));
	CPPUNIT_ASSERT_MESSAGE(path + ": " + result.body, !detailOf(result).empty());
	if (!detail.empty()) CPPUNIT_ASSERT_EQUAL_MESSAGE(path, detail, detailOf(result));
}

std::string probe(const std::string& target)
	/// ffprobe's -show_streams of a file or URL, under a time limit.
{
	int status = 0;
	const std::string output =
		TestStream::run("timeout", {"30", "ffprobe", "-v", "error", "-show_streams", target}, status);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(target + ": " + output, 0, status);
	return output;
}


} // namespace

class OutputHlsHttpTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputHlsHttpTest);
	CPPUNIT_TEST(testStartsAndRegisters);
	CPPUNIT_TEST(testRefusesBadSettings);
	CPPUNIT_TEST(testIdle);
	CPPUNIT_TEST(testPlaylistStructure);
	CPPUNIT_TEST(testChannelPlaylist);
	CPPUNIT_TEST(testSegmentsDecodeAlone);
	CPPUNIT_TEST(testPlaylistPlays);
	CPPUNIT_TEST(testWindowSlides);
	CPPUNIT_TEST(testDiscontinuity);
	CPPUNIT_TEST(testProgramCarriesOnAcrossSinks);
	CPPUNIT_TEST(testProgramCarriesOnAcrossRestarts);
	CPPUNIT_TEST(testUniqueNamesAcrossSinks);
	CPPUNIT_TEST(testEndedProgramThenNotFound);
	CPPUNIT_TEST(testEndedChannelThenNotFound);
	CPPUNIT_TEST(testBadPaths);
	CPPUNIT_TEST(testHeaders);
	CPPUNIT_TEST(testPreflight);
	CPPUNIT_TEST(testHead);
	CPPUNIT_TEST(testRange);
	CPPUNIT_TEST(testViewers);
	CPPUNIT_TEST(testProgramAndChannelsApart);
	CPPUNIT_TEST(testConcurrentReaders);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStartsAndRegisters()
	{
		HostFixture host(hlsSettings());
		CPPUNIT_ASSERT(host.service<Output>("output-hls"));
		CPPUNIT_ASSERT_MESSAGE(host.log(), contains(host.log(), "FFmpeg muxer mpegts"));
		CPPUNIT_ASSERT_MESSAGE(host.log(), contains(host.log(), "registered output 'output-hls'"));
		// the URL forms the host's PlaybackUrls turns into /start_stream's and /stream_status's URLs
		auto form = host.service<restream::PlaybackForm>("output-hls.url");
		CPPUNIT_ASSERT(form);
		CPPUNIT_ASSERT_EQUAL(std::string("hls"), form->format());
		CPPUNIT_ASSERT_EQUAL(std::string("api"), form->port());
		CPPUNIT_ASSERT_EQUAL(std::string("/live.m3u8"), form->programPath());
		CPPUNIT_ASSERT_EQUAL(std::string("/live/{stream_id}.m3u8"), form->channelPath());
		CPPUNIT_ASSERT_EQUAL(std::string("application/vnd.apple.mpegurl"), form->mediaType());
	}

	void testRefusesBadSettings()
	{
		// the host checks the declared types and bounds: a bad value stops it at start, naming the key and the rule
		const std::pair<const char*, const char*> bad[] = {{"windowSize", "many"}, {"windowSize", "0"}, {"keepSegments", "-1"},
			{"segmentDuration", "0.5"}, {"endedGrace", "soon"}, {"viewerWindow", "0"}};
		for (const auto& setting : bad)
		{
			HostFixture host(hlsSettings({{setting.first, setting.second}}));
			const std::string key = std::string("plugins.output-hls.") + setting.first + " must be ";
			CPPUNIT_ASSERT_MESSAGE(host.startError(), contains(host.startError(), key));
			CPPUNIT_ASSERT_MESSAGE(host.startError(), contains(host.startError(), std::string(", not '") + setting.second + "'"));
			CPPUNIT_ASSERT(!host.service<Output>("output-hls"));
			CPPUNIT_ASSERT_EQUAL(static_cast<unsigned short>(0), host.port("api"));
		}
		HostFixture good(hlsSettings({{"windowSize", "1000"}, {"keepSegments", "0"}, {"segmentDuration", "1.5"}, {"endedGrace", "0"}}));
		CPPUNIT_ASSERT_EQUAL(std::string(), good.startError());
		CPPUNIT_ASSERT(good.service<Output>("output-hls"));
	}

	void testIdle()
	{
		HostFixture host(hlsSettings());
		auto output = host.service<Output>("output-hls");
		assertNotFound(host, "/live.m3u8", "no active stream");
		assertNotFound(host, "/internal_stream.m3u8", "no active stream");
		assertNoSource(host, "/live/101.m3u8");

		// a program that has begun but has no complete segment yet is not playable
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		CPPUNIT_ASSERT(program);
		CPPUNIT_ASSERT(program->begin(stream.format()));
		stream.feedPart(*program, 0, 100);
		CPPUNIT_ASSERT(!program->playable());
		assertNotFound(host, "/live.m3u8", "no active stream");
		auto sink = output->createSink(channel(101));
		CPPUNIT_ASSERT(sink->begin(stream.format()));
		stream.feedPart(*sink, 0, 100);
		assertNoSource(host, "/live/101.m3u8");
		assertNoSource(host, "/live/102.m3u8");
		CPPUNIT_ASSERT(!output->createSink(channel(0)));  // no URL could name it: the program is createProgramSink()
		sink->end();
		program->end();
	}

	void testPlaylistStructure()
	{
		HostFixture host(hlsSettings({{"windowSize", "20"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		stream.feed(*program);
		CPPUNIT_ASSERT(program->playable());

		const HttpResult result = host.request("GET", "api", "/live.m3u8");
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		const std::string& text = result.body;
		const std::vector<std::string> all = lines(text);
		CPPUNIT_ASSERT_EQUAL(std::string("#EXTM3U"), all.at(0));
		CPPUNIT_ASSERT_MESSAGE(text, contains(text, "\n#EXT-X-VERSION:3\n"));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), tagNumber(text, "#EXT-X-TARGETDURATION"));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), tagNumber(text, "#EXT-X-MEDIA-SEQUENCE"));
		CPPUNIT_ASSERT(contains(text, "\n#EXT-X-INDEPENDENT-SEGMENTS\n"));
		CPPUNIT_ASSERT(!contains(text, "ENDLIST"));
		CPPUNIT_ASSERT(!contains(text, "DISCONTINUITY"));

		// every segment: a program date time, then its duration, then its URI under hls/program/
		std::size_t segments = 0;
		for (std::size_t i = 0; i < all.size(); ++i)
		{
			if (all[i].compare(0, 8, "#EXTINF:") != 0) continue;
			++segments;
			CPPUNIT_ASSERT_MESSAGE(all[i - 1], matches(all[i - 1], "#EXT-X-PROGRAM-DATE-TIME:9999-99-99T99:99:99.999Z"));
			CPPUNIT_ASSERT_EQUAL(std::string("#EXTINF:2.000,"), all[i]);
			CPPUNIT_ASSERT_MESSAGE(all.at(i + 1), matches(all.at(i + 1), "hls/program/ffffffffff-*.ts"));
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), segments);  // the last GOP is still open
		CPPUNIT_ASSERT_DOUBLES_EQUAL(stream.keyframeSpan(), extinfSum(text), 0.01);
		assertDatesContinue(text);

		// the same playlist at /internal_stream.m3u8
		CPPUNIT_ASSERT_EQUAL(text, host.request("GET", "api", "/internal_stream.m3u8").body);

		// ending with a begin() completes the last segment: the durations add up to what was fed
		CPPUNIT_ASSERT(program->begin(stream.format()));
		const std::string completed = host.request("GET", "api", "/live.m3u8").body;
		CPPUNIT_ASSERT_DOUBLES_EQUAL(stream.videoDuration(), extinfSum(completed), 0.01);
		program->end();
	}

	void testChannelPlaylist()
	{
		HostFixture host(hlsSettings({{"windowSize", "20"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto sink = output->createSink(channel(101));
		stream.feed(*sink);
		CPPUNIT_ASSERT(sink->playable());
		const HttpResult result = host.request("GET", "api", "/live/101.m3u8");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		const std::string& text = result.body;
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), tagNumber(text, "#EXT-X-MEDIA-SEQUENCE"));
		CPPUNIT_ASSERT(!contains(text, "DISCONTINUITY") && !contains(text, "ENDLIST"));
		// from /live/ its URIs go up a level, into the channel's own folder
		const std::vector<std::string> paths = segmentPaths("/live/101.m3u8", text);
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), paths.size());
		for (const auto& line : lines(text))
		{
			if (line[0] != '#') CPPUNIT_ASSERT_MESSAGE(line, matches(line, "../hls/101/ffffffffff-*.ts"));
		}
		for (const auto& path : paths) CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 200, host.request("GET", "api", path).status);
		assertDatesContinue(text);
		// a channel is not the program
		assertNotFound(host, "/live.m3u8", "no active stream");
		sink->end();
	}

	void testSegmentsDecodeAlone()
	{
		HostFixture host(hlsSettings());
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		stream.feed(*program);
		const std::vector<std::string> paths = segmentPaths("/live.m3u8", host.request("GET", "api", "/live.m3u8").body);
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), paths.size());
		for (const std::string& path : paths)
		{
			CPPUNIT_ASSERT_MESSAGE(path, contains(path, "/hls/program/"));
			const HttpResult segment = host.request("GET", "api", path);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 200, segment.status);
			CPPUNIT_ASSERT(!segment.body.empty() && segment.body.size() % 188 == 0);
			CPPUNIT_ASSERT_EQUAL('\x47', segment.body[0]);
		}
		const std::string streams = probe(writeTemporary(host.request("GET", "api", paths[2]).body, ".ts"));
		CPPUNIT_ASSERT_MESSAGE(streams, contains(streams, "codec_name=h264"));
		CPPUNIT_ASSERT_MESSAGE(streams, contains(streams, "codec_name=aac"));
		program->end();
	}

	void testPlaylistPlays()
	{
		HostFixture host(hlsSettings());
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		auto sink = output->createSink(channel(101));
		stream.feed(*program);
		stream.feed(*sink);
		const std::string base = "http://127.0.0.1:" + std::to_string(host.port("api"));
		for (const std::string path : {"/live.m3u8", "/live/101.m3u8"})
		{
			const std::string streams = probe(base + path);
			CPPUNIT_ASSERT_MESSAGE(path + ": " + streams, contains(streams, "codec_name=h264"));
			CPPUNIT_ASSERT_MESSAGE(path + ": " + streams, contains(streams, "codec_name=aac"));
		}
		CPPUNIT_ASSERT(program->viewers() >= 1);
		CPPUNIT_ASSERT(sink->viewers() >= 1);
		sink->end();
		program->end();
	}

	void testWindowSlides()
	{
		HostFixture host(hlsSettings({{"windowSize", "3"}, {"keepSegments", "2"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(25, 12);
		auto program = output->createProgramSink();
		CPPUNIT_ASSERT(program->begin(stream.format()));
		Poco::UInt64 lastSequence = 0;
		std::set<std::string> seen;
		std::vector<std::string> everyPath;
		for (std::size_t from = 0; from < stream.packetCount(); from += 40)
		{
			stream.feedPart(*program, from, from + 40);
			const HttpResult result = host.request("GET", "api", "/live.m3u8");
			if (result.status == 404) continue;  // no complete segment yet
			CPPUNIT_ASSERT_EQUAL(200, result.status);
			const Poco::UInt64 sequence = tagNumber(result.body, "#EXT-X-MEDIA-SEQUENCE");
			CPPUNIT_ASSERT(sequence >= lastSequence);
			lastSequence = sequence;
			const std::vector<std::string> paths = segmentPaths("/live.m3u8", result.body);
			CPPUNIT_ASSERT(paths.size() <= 3);
			for (const std::string& path : paths)
			{
				CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 200, host.request("GET", "api", path).status);
				if (seen.insert(path).second) everyPath.push_back(path);
			}
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), everyPath.size());  // 1 s (a run's first), then 2 s each
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(4), lastSequence);
		// window 3 + keep 2: all five still served; after two more, the two oldest are gone
		for (std::size_t i = 1; i < everyPath.size(); ++i) CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", everyPath[i]).status);
		assertNotFound(host, everyPath[0], "no such segment");
		stream.nextFeed();
		CPPUNIT_ASSERT(program->begin(stream.format()));
		// about 2.6 s: the first run's open segment completed, one more (the new run's first, cut at its 1 s keyframe)
		stream.feedPart(*program, 0, 180);
		const std::string text = host.request("GET", "api", "/live.m3u8").body;
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(6), tagNumber(text, "#EXT-X-MEDIA-SEQUENCE"));
		assertNotFound(host, everyPath[1], "no such segment");
		assertNotFound(host, everyPath[2], "no such segment");
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", everyPath[3]).status);
		program->end();
	}

	void testDiscontinuity()
	{
		HostFixture host(hlsSettings({{"windowSize", "6"}, {"keepSegments", "0"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		stream.feed(*program);
		stream.feed(*program);  // a second begin(): a reconnect, or the next channel on air
		std::string text = host.request("GET", "api", "/live.m3u8").body;
		// segments 1-5, 6 (completed by the second begin), 7-11 from the second run
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(6), tagNumber(text, "#EXT-X-MEDIA-SEQUENCE"));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), tagNumber(text, "#EXT-X-DISCONTINUITY-SEQUENCE"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), occurrences(text, "#EXT-X-DISCONTINUITY\n"));
		const std::size_t tag = text.find("#EXT-X-DISCONTINUITY\n");
		CPPUNIT_ASSERT(tag > text.find("-6.ts\n") && tag < text.find("-7.ts\n"));
		// the dates run on across the switch: the first segment after it starts where the one before ended
		assertDatesContinue(text);

		stream.feed(*program);
		text = host.request("GET", "api", "/live.m3u8").body;
		// 12-17 listed: the first discontinuity (7) left, the second (13) is in the window
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(12), tagNumber(text, "#EXT-X-MEDIA-SEQUENCE"));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), tagNumber(text, "#EXT-X-DISCONTINUITY-SEQUENCE"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), occurrences(text, "#EXT-X-DISCONTINUITY\n"));
		assertDatesContinue(text);
		const std::string streams = probe(writeTemporary(host.request("GET", "api",
			segmentPaths("/live.m3u8", text)[1]).body, ".ts"));  // the first segment after the reconnect
		CPPUNIT_ASSERT_MESSAGE(streams, contains(streams, "codec_name=h264") && contains(streams, "codec_name=aac"));
		program->end();
	}

	void testProgramCarriesOnAcrossSinks()
	{
		// the engine makes a new program sink when the program starts again: /live.m3u8's numbers only rise
		HostFixture host(hlsSettings({{"windowSize", "20"}, {"endedGrace", "30"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto first = output->createProgramSink();
		stream.feed(*first);
		const std::vector<std::string> firstPaths = segmentPaths("/live.m3u8", host.request("GET", "api", "/live.m3u8").body);
		first->end();
		CPPUNIT_ASSERT(contains(host.request("GET", "api", "/live.m3u8").body, "#EXT-X-ENDLIST\n"));

		auto second = output->createProgramSink();
		stream.feed(*second);
		const std::string text = host.request("GET", "api", "/live.m3u8").body;
		// the running sink is served, not the ended one, and it carries on after a discontinuity (the
		// first ended with its open segment completed: 1-6)
		CPPUNIT_ASSERT(!contains(text, "ENDLIST"));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(7), tagNumber(text, "#EXT-X-MEDIA-SEQUENCE"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), occurrences(text, "#EXT-X-DISCONTINUITY\n"));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), tagNumber(text, "#EXT-X-DISCONTINUITY-SEQUENCE"));
		for (const std::string& path : segmentPaths("/live.m3u8", text))
			CPPUNIT_ASSERT(std::find(firstPaths.begin(), firstPaths.end(), path) == firstPaths.end());
		second->end();
	}

	void testProgramCarriesOnAcrossRestarts()
	{
		// a player may hold /live.m3u8 across a restart of restream: the numbers go on rising (kept in the state directory)
		HostFixture host(hlsSettings({{"endedGrace", "0"}}));
		TestStream stream(50, 12);
		Poco::UInt64 lastSequence = 0;
		{
			auto program = host.service<Output>("output-hls")->createProgramSink();
			stream.feed(*program);
			const std::string text = host.request("GET", "api", "/live.m3u8").body;
			lastSequence = tagNumber(text, "#EXT-X-MEDIA-SEQUENCE") + segmentPaths("/live.m3u8", text).size() - 1;
			program->end();
		}
		host.restart();
		auto program = host.service<Output>("output-hls")->createProgramSink();
		CPPUNIT_ASSERT(program);
		stream.feed(*program);
		const std::string text = host.request("GET", "api", "/live.m3u8").body;
		CPPUNIT_ASSERT_MESSAGE(text, tagNumber(text, "#EXT-X-MEDIA-SEQUENCE") > lastSequence);
		CPPUNIT_ASSERT_MESSAGE(text, tagNumber(text, "#EXT-X-DISCONTINUITY-SEQUENCE") >= 1);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("#EXT-X-DISCONTINUITY\n") < text.find("#EXTINF"));
		program->end();
	}

	void testUniqueNamesAcrossSinks()
	{
		HostFixture host(hlsSettings({{"windowSize", "20"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto first = output->createSink(channel(101));
		stream.feed(*first);
		const std::vector<std::string> firstPaths =
			segmentPaths("/live/101.m3u8", host.request("GET", "api", "/live/101.m3u8").body);

		// a second sink of the same channel while the first still runs: it is served, the first's segments too
		auto second = output->createSink(channel(101));
		stream.feed(*second);
		const std::string text = host.request("GET", "api", "/live/101.m3u8").body;
		const std::vector<std::string> secondPaths = segmentPaths("/live/101.m3u8", text);
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), secondPaths.size());
		for (const std::string& path : secondPaths)
		{
			CPPUNIT_ASSERT(std::find(firstPaths.begin(), firstPaths.end(), path) == firstPaths.end());
			CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", path).status);
		}
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", firstPaths[0]).status);
		// it carries on the channel's numbers, after a discontinuity
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(6), tagNumber(text, "#EXT-X-MEDIA-SEQUENCE"));
		CPPUNIT_ASSERT(contains(text, "#EXT-X-DISCONTINUITY\n"));
		first->end();
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", "/live/101.m3u8").status);
		second->end();

		// a third, after both ended: new names again, numbers still rising
		auto third = output->createSink(channel(101));
		stream.feed(*third);
		const std::string thirdText = host.request("GET", "api", "/live/101.m3u8").body;
		// the second ended with its open segment completed: 6-11
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(12), tagNumber(thirdText, "#EXT-X-MEDIA-SEQUENCE"));
		for (const std::string& path : segmentPaths("/live/101.m3u8", thirdText))
		{
			CPPUNIT_ASSERT(std::find(firstPaths.begin(), firstPaths.end(), path) == firstPaths.end());
			CPPUNIT_ASSERT(std::find(secondPaths.begin(), secondPaths.end(), path) == secondPaths.end());
		}
		third->end();
	}

	void testEndedProgramThenNotFound()
	{
		// on stop, players get EXT-X-ENDLIST and end cleanly; after endedGrace, 404
		HostFixture host(hlsSettings({{"endedGrace", "1"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		stream.feed(*program);
		const std::string before = host.request("GET", "api", "/live.m3u8").body;
		const std::vector<std::string> paths = segmentPaths("/live.m3u8", before);
		program->end();
		const auto ended = std::chrono::steady_clock::now();
		CPPUNIT_ASSERT(!program->playable());
		for (const std::string path : {"/live.m3u8", "/internal_stream.m3u8"})
		{
			const HttpResult closing = host.request("GET", "api", path);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 200, closing.status);
			assertEndedWithTheOpenSegment(path, before, closing.body, stream);
		}
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", paths.back()).status);
		waitForNotServed(host, "/live.m3u8", 5);
		const double gone = std::chrono::duration<double>(std::chrono::steady_clock::now() - ended).count();
		CPPUNIT_ASSERT_MESSAGE(std::to_string(gone), gone >= 1.0 && gone < 3.0);
		assertNotFound(host, "/live.m3u8", "no active stream");
		assertNotFound(host, "/internal_stream.m3u8", "no active stream");
		assertNotFound(host, paths[0], "no such segment");
		assertNotFound(host, paths.back(), "no such segment");
	}

	void testEndedChannelThenNotFound()
	{
		HostFixture host(hlsSettings({{"endedGrace", "1"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto sink = output->createSink(channel(101));
		stream.feed(*sink);
		const std::string before = host.request("GET", "api", "/live/101.m3u8").body;
		const std::vector<std::string> paths = segmentPaths("/live/101.m3u8", before);
		sink->end();
		const auto ended = std::chrono::steady_clock::now();
		const HttpResult closing = host.request("GET", "api", "/live/101.m3u8");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(closing.body, 200, closing.status);
		assertEndedWithTheOpenSegment("/live/101.m3u8", before, closing.body, stream);
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", paths.back()).status);
		waitForNotServed(host, "/live/101.m3u8", 5);
		const double gone = std::chrono::duration<double>(std::chrono::steady_clock::now() - ended).count();
		CPPUNIT_ASSERT_MESSAGE(std::to_string(gone), gone >= 1.0 && gone < 3.0);
		assertNotFound(host, paths[0], "no such segment");
	}

	void testBadPaths()
	{
		HostFixture host(hlsSettings());
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		auto sink = output->createSink(channel(101));
		stream.feed(*program);
		stream.feed(*sink);
		const std::string path = segmentPaths("/live/101.m3u8", host.request("GET", "api", "/live/101.m3u8").body)[0];
		const std::string token = path.substr(9, 10);
		const std::string programPath = segmentPaths("/live.m3u8", host.request("GET", "api", "/live.m3u8").body)[0];
		const std::string programToken = programPath.substr(13, 10);
		for (const std::string& bad : std::vector<std::string>{"/hls/101/../../etc/passwd", "/hls/101/%2e%2e/%2e%2e/etc/passwd",
				 "/hls/..%2f..%2fetc%2fpasswd", "/hls/101/" + token + "-0.ts/../../../etc/passwd", "/hls/101/" + token,
				 "/hls/101/" + std::string(4000, 'a') + ".ts", "/hls/101/" + token + "-" + std::string(500, '1') + ".ts",
				 "/hls/0101/" + token + "-0.ts", "/hls/101/" + token + "-00.ts", "/hls/", "/live/abc.m3u8",
				 "/live/101.m3u8.bak", "/live/../etc/passwd", "/live/%2e%2e/etc/passwd", "/live/0.m3u8", "/live/program.m3u8",
				 "/hls/0/" + programToken + "-0.ts", "/hls/Program/" + programToken + "-0.ts", "/hls/program/" + programToken,
				 "/hls/program/../101/" + token + "-0.ts"})
		{
			assertNotFound(host, bad, "not found");
		}
		// well-formed names of nothing
		assertNotFound(host, "/hls/101/" + token + "-99.ts", "no such segment");
		assertNotFound(host, "/hls/102/" + token + "-0.ts", "no such segment");
		assertNotFound(host, "/hls/101/0123456789-0.ts", "no such segment");
		assertNotFound(host, "/hls/program/" + token + "-0.ts", "no such segment");  // a channel's token is not the program's
		assertNotFound(host, "/hls/101/" + programToken + "-0.ts", "no such segment");
		assertNoSource(host, "/live/999.m3u8");
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", path).status);
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", programPath).status);
		sink->end();
		program->end();
	}

	void testHeaders()
	{
		// the player's origin is one the host answers itself (Vary: Origin); output-hls answers any origin
		std::map<std::string, std::string> settings = hlsSettings();
		settings["http.corsOrigins"] = "https://player.example.org";
		HostFixture host(settings);
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		auto sink = output->createSink(channel(101));
		stream.feed(*program);
		stream.feed(*sink);
		const std::map<std::string, std::string> fromBrowser = {{"Origin", "https://player.example.org"}};
		for (const std::string path : {"/live.m3u8", "/internal_stream.m3u8", "/live/101.m3u8"})
		{
			const HttpResult playlist = host.request("GET", "api", path, "", fromBrowser);
			CPPUNIT_ASSERT_EQUAL(200, playlist.status);
			CPPUNIT_ASSERT_EQUAL(std::string("application/vnd.apple.mpegurl"), playlist.headers.get("Content-Type"));
			CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=1"), playlist.headers.get("Cache-Control"));
			CPPUNIT_ASSERT_EQUAL(std::string("*"), playlist.headers.get("Access-Control-Allow-Origin"));
			CPPUNIT_ASSERT(!playlist.headers.has("Access-Control-Allow-Credentials"));
			CPPUNIT_ASSERT_MESSAGE(path + " " + playlist.headers.get("Vary", ""), !playlist.headers.has("Vary"));
			CPPUNIT_ASSERT_EQUAL(std::to_string(playlist.body.size()), playlist.headers.get("Content-Length"));
		}
		const std::string path = segmentPaths("/live.m3u8", host.request("GET", "api", "/live.m3u8").body)[0];
		const HttpResult segment = host.request("GET", "api", path, "", fromBrowser);
		CPPUNIT_ASSERT_EQUAL(200, segment.status);
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), segment.headers.get("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=86400, immutable"), segment.headers.get("Cache-Control"));
		CPPUNIT_ASSERT_EQUAL(std::string("*"), segment.headers.get("Access-Control-Allow-Origin"));
		CPPUNIT_ASSERT(!segment.headers.has("Access-Control-Allow-Credentials"));
		CPPUNIT_ASSERT(!segment.headers.has("Vary"));
		CPPUNIT_ASSERT_EQUAL(std::string("bytes"), segment.headers.get("Accept-Ranges"));
		CPPUNIT_ASSERT_EQUAL(std::to_string(segment.body.size()), segment.headers.get("Content-Length"));

		// errors are readable cross-origin too, and never cached
		const HttpResult refused = host.request("GET", "api", "/live/102.m3u8", "", fromBrowser);
		CPPUNIT_ASSERT_EQUAL(503, refused.status);
		const HttpResult missing = host.request("GET", "api", "/hls/program/0000000000-1.ts", "", fromBrowser);
		CPPUNIT_ASSERT_EQUAL(404, missing.status);
		for (const HttpResult* error : {&refused, &missing})
		{
			CPPUNIT_ASSERT_EQUAL(std::string("*"), error->headers.get("Access-Control-Allow-Origin"));
			CPPUNIT_ASSERT_EQUAL(std::string("no-store"), error->headers.get("Cache-Control"));
			CPPUNIT_ASSERT(!error->headers.has("Vary"));
		}
		sink->end();
		program->end();
	}

	void testPreflight()
	{
		HostFixture host(hlsSettings());
		const std::map<std::string, std::string> preflight = {{"Origin", "https://player.example.org"},
			{"Access-Control-Request-Method", "GET"}, {"Access-Control-Request-Headers", "range"}};
		for (const std::string path :
			{"/live.m3u8", "/internal_stream.m3u8", "/live/101.m3u8", "/hls/101/3f9a0c1b2e-1.ts", "/hls/program/3f9a0c1b2e-1.ts"})
		{
			const HttpResult result = host.request("OPTIONS", "api", path, "", preflight);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 204, result.status);
			CPPUNIT_ASSERT_EQUAL(std::string("*"), result.headers.get("Access-Control-Allow-Origin"));
			CPPUNIT_ASSERT(contains(result.headers.get("Access-Control-Allow-Methods", ""), "GET"));
			CPPUNIT_ASSERT_EQUAL(std::string("range"), result.headers.get("Access-Control-Allow-Headers"));
			CPPUNIT_ASSERT(!result.headers.has("Access-Control-Allow-Credentials"));
		}
		const HttpResult odd = host.request("OPTIONS", "api", "/live.m3u8", "",
			{{"Origin", "https://x.example"}, {"Access-Control-Request-Headers", "x-a\"b"}});
		CPPUNIT_ASSERT_EQUAL(std::string("Range"), odd.headers.get("Access-Control-Allow-Headers"));
	}

	void testHead()
	{
		HostFixture host(hlsSettings());
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		stream.feed(*program);
		const HttpResult playlist = host.request("GET", "api", "/live.m3u8");
		const std::string path = segmentPaths("/live.m3u8", playlist.body)[0];
		const HttpResult segment = host.request("GET", "api", path);
		const Poco::UInt64 served = playlist.body.size() + segment.body.size();
		assertBytesServed(*program, served);

		const HttpResult headPlaylist = host.request("HEAD", "api", "/live.m3u8");
		CPPUNIT_ASSERT_EQUAL(200, headPlaylist.status);
		CPPUNIT_ASSERT(headPlaylist.body.empty());
		CPPUNIT_ASSERT_EQUAL(std::to_string(playlist.body.size()), headPlaylist.headers.get("Content-Length"));
		CPPUNIT_ASSERT_EQUAL(std::string("application/vnd.apple.mpegurl"), headPlaylist.headers.get("Content-Type"));
		const HttpResult headSegment = host.request("HEAD", "api", path);
		CPPUNIT_ASSERT_EQUAL(200, headSegment.status);
		CPPUNIT_ASSERT(headSegment.body.empty());
		CPPUNIT_ASSERT_EQUAL(std::to_string(segment.body.size()), headSegment.headers.get("Content-Length"));
		CPPUNIT_ASSERT_EQUAL(served, program->bytesServed());
		// the connection stays usable after a HEAD (no body was sent to desynchronise it)
		Poco::Net::HTTPClientSession session("127.0.0.1", host.port("api"));
		for (const std::string method : {"HEAD", "GET", "HEAD", "GET"})
		{
			Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
			session.sendRequest(request);
			Poco::Net::HTTPResponse response;
			std::string body;
			Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
			CPPUNIT_ASSERT_EQUAL(200, static_cast<int>(response.getStatus()));
			CPPUNIT_ASSERT_EQUAL(method == "GET" ? segment.body.size() : std::size_t(0), body.size());
		}
		program->end();
	}

	void testRange()
	{
		HostFixture host(hlsSettings());
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		stream.feed(*program);
		const std::string path = segmentPaths("/live.m3u8", host.request("GET", "api", "/live.m3u8").body)[0];
		const std::string whole = host.request("GET", "api", path).body;
		const std::string size = std::to_string(whole.size());
		const auto ranged = [&](const std::string& range) { return host.request("GET", "api", path, "", {{"Range", range}}); };

		HttpResult result = ranged("bytes=0-187");
		CPPUNIT_ASSERT_EQUAL(206, result.status);
		CPPUNIT_ASSERT_EQUAL("bytes 0-187/" + size, result.headers.get("Content-Range"));
		CPPUNIT_ASSERT_EQUAL(std::string("188"), result.headers.get("Content-Length"));
		CPPUNIT_ASSERT_EQUAL(whole.substr(0, 188), result.body);
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), result.headers.get("Content-Type"));

		result = ranged("bytes=100-");
		CPPUNIT_ASSERT_EQUAL(206, result.status);
		CPPUNIT_ASSERT_EQUAL("bytes 100-" + std::to_string(whole.size() - 1) + "/" + size, result.headers.get("Content-Range"));
		CPPUNIT_ASSERT_EQUAL(whole.substr(100), result.body);

		result = ranged("bytes=-188");
		CPPUNIT_ASSERT_EQUAL(206, result.status);
		CPPUNIT_ASSERT_EQUAL(whole.substr(whole.size() - 188), result.body);

		result = ranged("bytes=" + size + "-");
		CPPUNIT_ASSERT_EQUAL(416, result.status);
		CPPUNIT_ASSERT_EQUAL("bytes */" + size, result.headers.get("Content-Range"));
		CPPUNIT_ASSERT_EQUAL(std::to_string(result.body.size()), result.headers.get("Content-Length"));

		for (const std::string ignored : {"bytes=abc", "bytes=0-1,5-6", "lines=1-2", "bytes=9-2"})
		{
			result = ranged(ignored);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(ignored, 200, result.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(ignored, whole, result.body);
		}
		program->end();
	}

	void testViewers()
	{
		HostFixture host(hlsSettings());
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		stream.feed(*program);
		CPPUNIT_ASSERT_EQUAL(0, program->viewers());
		const std::string path = segmentPaths("/live.m3u8", host.request("GET", "api", "/live.m3u8").body)[0];
		const Poco::UInt64 before = program->bytesServed();
		Poco::UInt64 sent = 0;
		// the peer, 127.0.0.1, is a trusted proxy by default: the forwarded address names the viewer
		const std::vector<std::pair<std::string, std::string>> viewers = {{"203.0.113.1", "VLC/3.0"},
			{"203.0.113.1", "hls.js"}, {"203.0.113.2", "VLC/3.0"}, {"198.51.100.7", "Jellyfin"}};
		for (int round = 0; round < 2; ++round)
		{
			for (const auto& viewer : viewers)
			{
				const std::map<std::string, std::string> headers = {{"X-Forwarded-For", viewer.first}, {"User-Agent", viewer.second}};
				sent += host.request("GET", "api", "/live.m3u8", "", headers).body.size();
				sent += host.request("GET", "api", path, "", headers).body.size();
			}
		}
		CPPUNIT_ASSERT_EQUAL(5, program->viewers());  // the four, and the test's own first request
		assertBytesServed(*program, before + sent);
		// not found answers count nobody
		host.request("GET", "api", "/hls/program/0123456789-0.ts", "", {{"X-Forwarded-For", "192.0.2.9"}});
		CPPUNIT_ASSERT_EQUAL(5, program->viewers());
		program->end();
	}

	void testProgramAndChannelsApart()
	{
		// the program and the channels are separate playlists with separate segments, whatever runs
		HostFixture host(hlsSettings({{"endedGrace", "0"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(50, 12);
		auto first = output->createSink(channel(101));
		auto second = output->createSink(channel(102));
		stream.feed(*first);
		stream.feed(*second);
		assertNotFound(host, "/live.m3u8", "no active stream");
		auto program = output->createProgramSink();
		stream.feed(*program);
		const std::string text = host.request("GET", "api", "/live.m3u8").body;
		CPPUNIT_ASSERT(contains(text, "\nhls/program/") && !contains(text, "hls/101/") && !contains(text, "hls/102/"));
		CPPUNIT_ASSERT_EQUAL(text, host.request("GET", "api", "/internal_stream.m3u8").body);
		const std::string one = host.request("GET", "api", "/live/101.m3u8").body;
		const std::string two = host.request("GET", "api", "/live/102.m3u8").body;
		CPPUNIT_ASSERT(contains(one, "\n../hls/101/") && !contains(one, "hls/102/") && !contains(one, "program"));
		CPPUNIT_ASSERT(contains(two, "\n../hls/102/") && !contains(two, "hls/101/") && !contains(two, "program"));
		// a channel ending leaves the program alone, and the program ending leaves the channels alone
		first->end();
		waitForNotServed(host, "/live/101.m3u8", 2);
		CPPUNIT_ASSERT_EQUAL(text, host.request("GET", "api", "/live.m3u8").body);
		program->end();
		waitForNotServed(host, "/live.m3u8", 2);
		CPPUNIT_ASSERT_EQUAL(two, host.request("GET", "api", "/live/102.m3u8").body);
		second->end();
	}

	void testConcurrentReaders()
	{
		HostFixture host(hlsSettings({{"windowSize", "3"}, {"keepSegments", "1"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(25, 12);
		const unsigned short port = host.port("api");
		auto program = output->createProgramSink();
		auto first = output->createSink(channel(101));
		auto second = output->createSink(channel(102));
		std::atomic<bool> writing(true);
		std::atomic<int> unexpected(0);
		std::atomic<int> segmentsRead(0);
		std::atomic<int> playlistsRead(0);

		const auto reader = [&](int number) {
			Poco::Net::HTTPClientSession session("127.0.0.1", port);
			session.setTimeout(Poco::Timespan(10, 0));
			const auto get = [&](const std::string& method, const std::string& path, const std::string& range, std::string& body) {
				Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
				request.set("X-Forwarded-For", "198.51.100." + std::to_string(number));
				if (!range.empty()) request.set("Range", range);
				session.sendRequest(request);
				Poco::Net::HTTPResponse response;
				body.clear();
				Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
				return static_cast<int>(response.getStatus());
			};
			int round = 0;
			while (writing || round < 3)
			{
				const std::string playlistPath = round % 3 == 0 ? "/live.m3u8" : "/live/10" + std::to_string(1 + round % 2) + ".m3u8";
				++round;
				std::string playlist;
				const int status = get("GET", playlistPath, "", playlist);
				if (status == 404 || status == 503) continue; // between feeds: not playable, and no source to run it
				if (status != 200 || playlist.compare(0, 7, "#EXTM3U") != 0)
				{
					++unexpected;
					continue;
				}
				++playlistsRead;
				for (const std::string& path : segmentPaths(playlistPath, playlist))
				{
					std::string bytes;
					const bool ranged = round % 4 == 0;
					const bool head = round % 5 == 0;
					const int got = get(head ? "HEAD" : "GET", path, ranged ? "bytes=0-375" : "", bytes);
					if (got == 404) continue;  // slid out and dropped meanwhile
					const bool good = head ? bytes.empty() && got == (ranged ? 206 : 200)
						: ranged ? got == 206 && bytes.size() == 376 && bytes[0] == '\x47'
								 : got == 200 && !bytes.empty() && bytes.size() % 188 == 0 && bytes[0] == '\x47';
					if (!good) ++unexpected;
					++segmentsRead;
				}
			}
		};

		std::vector<std::thread> readers;
		for (int i = 0; i < 6; ++i) readers.emplace_back(reader, i);
		std::thread statistics([&] {
			while (writing)
			{
				if (first->viewers() < 0 || second->viewers() < 0 || program->viewers() < 0) ++unexpected;
				first->playable();
				program->playable();
				second->bytesServed();
				std::this_thread::sleep_for(std::chrono::milliseconds(1));
			}
		});
		for (int feed = 0; feed < 3; ++feed)
		{
			CPPUNIT_ASSERT(program->begin(stream.format()));
			CPPUNIT_ASSERT(first->begin(stream.format()));
			CPPUNIT_ASSERT(second->begin(stream.format()));
			for (std::size_t from = 0; from < stream.packetCount(); from += 10)
			{
				stream.feedPart(*program, from, from + 10);
				stream.feedPart(*first, from, from + 10);
				stream.feedPart(*second, from, from + 10);
				std::this_thread::sleep_for(std::chrono::milliseconds(2));
			}
			stream.nextFeed();
		}
		first->end();
		writing = false;
		for (auto& thread : readers) thread.join();
		statistics.join();
		second->end();
		program->end();
		CPPUNIT_ASSERT_EQUAL(0, unexpected.load());
		CPPUNIT_ASSERT(playlistsRead > 20);
		CPPUNIT_ASSERT(segmentsRead > 20);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputHlsHttpTest);
