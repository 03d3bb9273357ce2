//
// OutputHlsLowLatencyHttpTest.cpp
//
// End-to-end tests of output-hls's low-latency rendition (LL-HLS, fMP4
// parts): the built output-hls.so loaded by an in-process host, sinks fed
// real H.264 + AAC media (a 1 s GOP), the LL playlists, init segments,
// parts and segments read over HTTP, including blocking reloads, and the
// media read back by ffprobe and ffmpeg.
//

#include "HostFixture.h"
#include "HlsTestSupport.h"
#include "TestStream.h"
#include "TextSearch.h"
#include "restream/Output.h"
#include <Poco/DateTimeParser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

using restream::ChannelInfo;
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

const double PART_TARGET = 0.33;
const std::size_t PARTS_SERVED = 5; // PartPlaylist::PARTS_SERVED: this test loads the plugin, not its classes



std::string attribute(const std::string& line, const std::string& name)
	/// The value of name= in a tag's attribute list, quotes removed; "" when absent.
{
	const std::size_t at = line.find(name + "=");
	if (at == std::string::npos || (at > 0 && line[at - 1] != ':' && line[at - 1] != ',')) return "";
	std::size_t start = at + name.size() + 1;
	if (line[start] == '"') return line.substr(start + 1, line.find('"', start + 1) - start - 1);
	return line.substr(start, line.find(',', start) - start);
}

std::string resolve(const std::string& playlistPath, const std::string& uri)
{
	Poco::URI base("http://127.0.0.1" + playlistPath);
	base.resolve(uri);
	return base.getPath();
}


struct PartLine
{
	std::string uri;
	double duration = 0;
	bool independent = false;
};

std::vector<PartLine> partsOf(const std::string& playlist)
{
	std::vector<PartLine> parts;
	for (const auto& line : lines(playlist))
	{
		if (line.compare(0, 12, "#EXT-X-PART:") != 0) continue;
		PartLine part;
		part.uri = attribute(line, "URI");
		part.duration = Poco::NumberParser::parseFloat(attribute(line, "DURATION"));
		part.independent = attribute(line, "INDEPENDENT") == "YES";
		parts.push_back(part);
	}
	return parts;
}


class HeldRequest
	/// A GET on its own thread and connection, to see whether the server holds it.
{
public:
	HeldRequest(unsigned short port, const std::string& path):
		_thread([this, port, path] {
			Poco::Net::HTTPClientSession session("127.0.0.1", port);
			session.setTimeout(Poco::Timespan(30, 0));
			Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
			session.sendRequest(request);
			Poco::Net::HTTPResponse response;
			Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
			cacheControl = response.get("Cache-Control", "");
			status = static_cast<int>(response.getStatus());
			done = true;
		})
	{
	}

	~HeldRequest()
	{
		if (_thread.joinable()) _thread.join();
	}

	void join()
	{
		_thread.join();
	}

	std::atomic<bool> done{false};
	int status = 0;
	std::string cacheControl;
	std::string body;

private:
	std::thread _thread;
};

} // namespace

class OutputHlsLowLatencyHttpTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputHlsLowLatencyHttpTest);
	CPPUNIT_TEST(testPlaylistRules);
	CPPUNIT_TEST(testMediaServedAndDecodes);
	CPPUNIT_TEST(testOldSegmentsServedWholeOnly);
	CPPUNIT_TEST(testChannelPlaylist);
	CPPUNIT_TEST(testBlockingReloadHeldUntilThePart);
	CPPUNIT_TEST(testBlockingReloadBounded);
	CPPUNIT_TEST(testBlockingReloadRefusals);
	CPPUNIT_TEST(testBlockingReloadOfEndedPlaylist);
	CPPUNIT_TEST(testContinuityAcrossSinks);
	CPPUNIT_TEST(testTsPlaylistUnchanged);
	CPPUNIT_TEST(testSwitchedOff);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPlaylistRules()
	{
		HostFixture host(hlsSettings());
		auto program = host.service<Output>("output-hls")->createProgramSink();
		TestStream stream(25, 12);
		stream.feed(*program);
		const HttpResult result = host.request("GET", "api", "/live.ll.m3u8");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		const std::string& text = result.body;
		CPPUNIT_ASSERT_EQUAL(std::string("application/vnd.apple.mpegurl"), result.headers.get("Content-Type", ""));
		// what a viewer asks first, then reloads with directives: a cache may keep it a second
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=1"), result.headers.get("Cache-Control", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("*"), result.headers.get("Access-Control-Allow-Origin", ""));
		CPPUNIT_ASSERT_MESSAGE(text, contains(text, "\n#EXT-X-VERSION:9\n"));
		CPPUNIT_ASSERT_MESSAGE(text, contains(text, "\n#EXT-X-PART-INF:PART-TARGET=0.330\n"));
		const std::size_t control = text.find("#EXT-X-SERVER-CONTROL:");
		CPPUNIT_ASSERT_MESSAGE(text, control != std::string::npos);
		const std::string controlLine = text.substr(control, text.find('\n', control) - control);
		CPPUNIT_ASSERT_EQUAL(std::string("YES"), attribute(controlLine, "CAN-BLOCK-RELOAD"));
		CPPUNIT_ASSERT(Poco::NumberParser::parseFloat(attribute(controlLine, "PART-HOLD-BACK")) >= 3 * PART_TARGET - 1e-9);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), tagNumber(text, "#EXT-X-TARGETDURATION"));
		CPPUNIT_ASSERT_MESSAGE(text, contains(text, "#EXT-X-MAP:URI=\"hls/program/"));
		CPPUNIT_ASSERT(!contains(text, "ENDLIST") && !contains(text, "DISCONTINUITY"));

		// parts: none longer than the target, the first of each segment independent
		const std::vector<PartLine> parts = partsOf(text);
		CPPUNIT_ASSERT_MESSAGE(text, parts.size() > 12);
		for (const PartLine& part : parts)
			CPPUNIT_ASSERT_MESSAGE(part.uri, part.duration > 0 && part.duration <= PART_TARGET + 1e-9);
		const std::vector<std::string> all = lines(text);
		for (std::size_t i = 1; i < all.size(); ++i)
		{
			if (all[i].compare(0, 12, "#EXT-X-PART:") == 0 && all[i - 1].compare(0, 25, "#EXT-X-PROGRAM-DATE-TIME:") == 0)
				CPPUNIT_ASSERT_MESSAGE(all[i], contains(all[i], ",INDEPENDENT=YES"));
		}

		// the preload hint names the part after the last listed one: same segment, next index
		const std::string hintLine = all.back();
		CPPUNIT_ASSERT_MESSAGE(hintLine, hintLine.compare(0, 30, "#EXT-X-PRELOAD-HINT:TYPE=PART,") == 0);
		const std::string last = parts.back().uri;  // hls/program/<token>-<seq>.<part>.m4s
		const std::size_t dot = last.rfind('.', last.size() - 5);
		const std::size_t index = Poco::NumberParser::parseUnsigned(last.substr(dot + 1, last.size() - 4 - dot - 1));
		CPPUNIT_ASSERT_EQUAL(last.substr(0, dot + 1) + std::to_string(index + 1) + ".m4s", attribute(hintLine, "URI"));

		// the segments' EXTINF add up to their parts (the last three are listed with parts)
		program->end();
	}

	void testMediaServedAndDecodes()
	{
		HostFixture host(hlsSettings({{"windowSize", "20"}}));
		auto program = host.service<Output>("output-hls")->createProgramSink();
		TestStream stream(25, 12);
		stream.feed(*program);
		const std::string text = host.request("GET", "api", "/live.ll.m3u8").body;
		std::string mapUri;
		for (const auto& line : lines(text))
		{
			if (line.compare(0, 11, "#EXT-X-MAP:") == 0) mapUri = attribute(line, "URI");
		}
		const HttpResult init = host.request("GET", "api", resolve("/live.ll.m3u8", mapUri));
		CPPUNIT_ASSERT_EQUAL(200, init.status);
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp4"), init.headers.get("Content-Type", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=86400, immutable"), init.headers.get("Cache-Control", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("ftyp"), init.body.substr(4, 4));

		// init + the listed parts from the first independent one on: what a player joining at the live edge appends
		std::string file = init.body;
		bool started = false;
		for (const PartLine& part : partsOf(text))
		{
			started = started || part.independent;
			if (!started) continue;
			const HttpResult bytes = host.request("GET", "api", resolve("/live.ll.m3u8", part.uri));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(part.uri, 200, bytes.status);
			CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=86400, immutable"), bytes.headers.get("Cache-Control", ""));
			CPPUNIT_ASSERT_EQUAL(std::string("moof"), bytes.body.substr(4, 4));
			file += bytes.body;
		}
		int status = 0;
		const std::string path = writeTemporary(file, ".mp4");
		const std::string probe = TestStream::run("ffprobe", {"-v", "error", "-show_entries", "stream=codec_name,profile", path}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(probe, 0, status);
		CPPUNIT_ASSERT_MESSAGE(probe, contains(probe, "codec_name=h264") && contains(probe, "profile=LC"));
		const std::string decode = TestStream::run("ffmpeg", {"-v", "error", "-i", path, "-f", "null", "-"}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(decode, 0, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("decodes without an error", std::string(), decode);

		// every complete segment is served whole: init + segments decode as well
		std::string segments = init.body;
		for (const auto& line : lines(text))
		{
			if (line[0] == '#') continue;
			const HttpResult bytes = host.request("GET", "api", resolve("/live.ll.m3u8", line));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(line, 200, bytes.status);
			segments += bytes.body;
		}
		const std::string whole = TestStream::run("ffmpeg", {"-v", "error", "-i", writeTemporary(segments, ".mp4"), "-f", "null", "-"}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(whole, 0, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("decodes without an error", std::string(), whole);
		program->end();
	}

	void testOldSegmentsServedWholeOnly()
		/// A segment's parts are served while listed (and a little longer);
		/// older segments are served whole only, not kept twice in memory.
	{
		HostFixture host(hlsSettings({{"windowSize", "20"}}));
		auto program = host.service<Output>("output-hls")->createProgramSink();
		TestStream stream(25, 16);
		stream.feed(*program);
		const std::string text = host.request("GET", "api", "/live.ll.m3u8").body;
		std::vector<std::string> segments;
		for (const auto& line : lines(text))
		{
			if (line[0] != '#') segments.push_back(line);
		}
		CPPUNIT_ASSERT_MESSAGE(text, segments.size() > PARTS_SERVED + 1);
		const auto partZero = [](const std::string& segment) { return segment.substr(0, segment.size() - 4) + ".0.m4s"; };
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", resolve("/live.ll.m3u8", segments.front())).status);
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "api", resolve("/live.ll.m3u8", partZero(segments.front()))).status);
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", resolve("/live.ll.m3u8", partZero(segments.back()))).status);
		program->end();
	}

	void testChannelPlaylist()
	{
		HostFixture host(hlsSettings());
		auto sink = host.service<Output>("output-hls")->createSink([] {
			ChannelInfo info;
			info.streamId = 101;
			info.name = "Channel 101";
			return info;
		}());
		TestStream stream(25, 12);
		stream.feed(*sink);
		const HttpResult result = host.request("GET", "api", "/live/101.ll.m3u8");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		CPPUNIT_ASSERT_MESSAGE(result.body, contains(result.body, "#EXT-X-MAP:URI=\"../hls/101/"));
		for (const PartLine& part : partsOf(result.body))
			CPPUNIT_ASSERT_EQUAL_MESSAGE(part.uri, 200, host.request("GET", "api", resolve("/live/101.ll.m3u8", part.uri)).status);
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "api", "/live/101.ll.m3u").status);
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "api", "/live/0101.ll.m3u8").status);
		sink->end();
	}

	void testBlockingReloadHeldUntilThePart()
	{
		HostFixture host(hlsSettings());
		auto program = host.service<Output>("output-hls")->createProgramSink();
		TestStream stream(25, 12);
		CPPUNIT_ASSERT(program->begin(stream.format()));
		const std::size_t half = stream.packetCount() / 2;
		stream.feedPart(*program, 0, half);
		const std::string text = host.request("GET", "api", "/live.ll.m3u8").body;
		// ask for the first part of the segment after the open one
		const std::vector<PartLine> parts = partsOf(text);
		const std::string last = parts.back().uri;  // hls/program/<token>-<seq>.<part>.m4s
		const std::size_t dash = last.rfind('-');
		const Poco::UInt64 open = Poco::NumberParser::parseUnsigned64(last.substr(dash + 1, last.find('.', dash) - dash - 1));
		const std::string wanted = last.substr(last.rfind('/') + 1, dash - last.rfind('/')) + std::to_string(open + 1) + ".0.m4s";
		HeldRequest held(host.port("api"), "/live.ll.m3u8?_HLS_msn=" + std::to_string(open + 1) + "&_HLS_part=0");
		std::this_thread::sleep_for(std::chrono::milliseconds(500));
		CPPUNIT_ASSERT_MESSAGE("held while the part does not exist", !held.done);
		const auto fed = std::chrono::steady_clock::now();
		stream.feedPart(*program, half, stream.packetCount());
		held.join();
		CPPUNIT_ASSERT(std::chrono::steady_clock::now() - fed < std::chrono::seconds(2));
		CPPUNIT_ASSERT_EQUAL(200, held.status);
		CPPUNIT_ASSERT_MESSAGE(wanted + " in\n" + held.body, contains(held.body, wanted + "\""));
		// the answer to that URL once the part exists: an edge may hand it to every viewer asking the same
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=1"), held.cacheControl);
		program->end();
	}

	void testBlockingReloadBounded()
	{
		HostFixture host(hlsSettings());
		auto program = host.service<Output>("output-hls")->createProgramSink();
		TestStream stream(25, 12);
		stream.feed(*program);
		const std::string text = host.request("GET", "api", "/live.ll.m3u8").body;
		const Poco::UInt64 open = tagNumber(text, "#EXT-X-MEDIA-SEQUENCE") + 5;  // the window's complete 5 segments, then the open one
		CPPUNIT_ASSERT_MESSAGE(text, contains(text, "-" + std::to_string(open) + ".0.m4s"));
		// two segments ahead is allowed, and never comes: answered with the playlist as it is after three target durations
		const auto start = std::chrono::steady_clock::now();
		const HttpResult result = host.request("GET", "api", "/live.ll.m3u8?_HLS_msn=" + std::to_string(open + 2) + "&_HLS_part=0");
		const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
		CPPUNIT_ASSERT_EQUAL(200, result.status);
		CPPUNIT_ASSERT_EQUAL(text, result.body);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(waited), waited > 5.5 && waited < 8);
		// without the part it asked for: no cache may answer the next viewer with it
		CPPUNIT_ASSERT_EQUAL(std::string("no-store"), result.headers.get("Cache-Control", ""));
		// what exists answers at once, and may be kept
		const auto again = std::chrono::steady_clock::now();
		const HttpResult ready = host.request("GET", "api", "/live.ll.m3u8?_HLS_msn=" + std::to_string(open) + "&_HLS_part=0");
		CPPUNIT_ASSERT(std::chrono::steady_clock::now() - again < std::chrono::milliseconds(500));
		CPPUNIT_ASSERT_EQUAL(200, ready.status);
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=1"), ready.headers.get("Cache-Control", ""));
		program->end();
	}

	void testBlockingReloadRefusals()
	{
		HostFixture host(hlsSettings());
		auto program = host.service<Output>("output-hls")->createProgramSink();
		TestStream stream(25, 12);
		stream.feed(*program);
		const std::string text = host.request("GET", "api", "/live.ll.m3u8").body;
		Poco::UInt64 open = tagNumber(text, "#EXT-X-MEDIA-SEQUENCE");
		for (const auto& line : lines(text)) open += line.compare(0, 8, "#EXTINF:") == 0 ? 1 : 0;
		for (const std::string& query : {"_HLS_msn=" + std::to_string(open + 3), std::string("_HLS_part=1"), std::string("_HLS_msn=abc"),
				 std::string("_HLS_msn=1&_HLS_part=-1"), std::string("_HLS_msn=01")})
		{
			const HttpResult result = host.request("GET", "api", "/live.ll.m3u8?" + query);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(query, 400, result.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(query, std::string("*"), result.headers.get("Access-Control-Allow-Origin", ""));
		}
		program->end();
	}

	void testBlockingReloadOfEndedPlaylist()
	{
		// an ended playlist answers every blocking reload at once; only those it holds the part of may be kept
		HostFixture host(hlsSettings());
		auto program = host.service<Output>("output-hls")->createProgramSink();
		TestStream stream(25, 12);
		stream.feed(*program);
		program->end();
		const std::string text = host.request("GET", "api", "/live.ll.m3u8").body;
		CPPUNIT_ASSERT_MESSAGE(text, contains(text, "#EXT-X-ENDLIST\n"));
		Poco::UInt64 next = tagNumber(text, "#EXT-X-MEDIA-SEQUENCE");
		for (const auto& line : lines(text)) next += line.compare(0, 8, "#EXTINF:") == 0 ? 1 : 0;
		const HttpResult held = host.request("GET", "api", "/live.ll.m3u8?_HLS_msn=" + std::to_string(next - 1));
		CPPUNIT_ASSERT_EQUAL(200, held.status);
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=1"), held.headers.get("Cache-Control", ""));
		const auto start = std::chrono::steady_clock::now();
		const HttpResult never = host.request("GET", "api", "/live.ll.m3u8?_HLS_msn=" + std::to_string(next) + "&_HLS_part=0");
		CPPUNIT_ASSERT(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
		CPPUNIT_ASSERT_EQUAL(200, never.status);
		CPPUNIT_ASSERT_EQUAL(text, never.body);
		CPPUNIT_ASSERT_EQUAL(std::string("no-store"), never.headers.get("Cache-Control", ""));
	}

	void testContinuityAcrossSinks()
	{
		HostFixture host(hlsSettings({{"windowSize", "20"}}));
		auto output = host.service<Output>("output-hls");
		TestStream stream(25, 12);
		auto first = output->createProgramSink();
		stream.feed(*first);
		first->end();
		const std::string before = host.request("GET", "api", "/live.ll.m3u8").body;  // with the open segment completed
		CPPUNIT_ASSERT_MESSAGE(before, contains(before, "#EXT-X-ENDLIST\n") && !contains(before, "PRELOAD-HINT"));
		auto second = output->createProgramSink();
		stream.feed(*second);
		const std::string text = host.request("GET", "api", "/live.ll.m3u8").body;
		// the first sink's seven segments, 1 to 7 (1 s, five of 2 s, its open one completed at its end), then the
		// second's after a discontinuity
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(8), tagNumber(text, "#EXT-X-MEDIA-SEQUENCE"));
		CPPUNIT_ASSERT_MESSAGE(text, contains(text, "#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI="));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), tagNumber(text, "#EXT-X-DISCONTINUITY-SEQUENCE"));
		// a new run, a new init segment
		std::string firstMap;
		std::string secondMap;
		for (const auto& line : lines(before))
		{
			if (line.compare(0, 11, "#EXT-X-MAP:") == 0) firstMap = attribute(line, "URI");
		}
		for (const auto& line : lines(text))
		{
			if (line.compare(0, 11, "#EXT-X-MAP:") == 0) secondMap = attribute(line, "URI");
		}
		CPPUNIT_ASSERT(!firstMap.empty() && !secondMap.empty() && firstMap != secondMap);
		// dates: PDT(n+1) = PDT(n) + EXTINF(n) within a run; the second run starts no earlier than the first ended
		double end = 0;
		bool newRun = false;
		int checked = 0;
		for (const auto& line : lines(before + text))
		{
			if (line == "#EXT-X-DISCONTINUITY") newRun = true;
			if (line.compare(0, 25, "#EXT-X-PROGRAM-DATE-TIME:") == 0)
			{
				int zone = 0;
				const double date = static_cast<double>(
					Poco::DateTimeParser::parse("%Y-%m-%dT%H:%M:%s%z", line.substr(25), zone).timestamp().epochMicroseconds()) / 1e6;
				if (end > 0 && newRun) CPPUNIT_ASSERT_MESSAGE(line, date >= end - 0.001);
				if (end > 0 && !newRun) CPPUNIT_ASSERT_DOUBLES_EQUAL_MESSAGE(line, end, date, 0.002);
				if (end > 0) ++checked;
				newRun = false;
				end = date;
			}
			if (line.compare(0, 8, "#EXTINF:") == 0) end += Poco::NumberParser::parseFloat(line.substr(8, line.find(',') - 8));
		}
		CPPUNIT_ASSERT(checked >= 10);
		second->end();
	}

	void testTsPlaylistUnchanged()
	{
		// the TS playlist says nothing of the low-latency rendition, and ignores the directives
		HostFixture host(hlsSettings());
		auto program = host.service<Output>("output-hls")->createProgramSink();
		TestStream stream(25, 12);
		stream.feed(*program);
		const HttpResult plain = host.request("GET", "api", "/live.m3u8");
		const HttpResult directed = host.request("GET", "api", "/live.m3u8?_HLS_msn=999&_HLS_part=0");
		CPPUNIT_ASSERT_EQUAL(200, directed.status);
		CPPUNIT_ASSERT_EQUAL(plain.body, directed.body);
		CPPUNIT_ASSERT_MESSAGE(plain.body, contains(plain.body, "#EXT-X-VERSION:3\n") && !contains(plain.body, "PART") && !contains(plain.body, ".m4s"));
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=1"), plain.headers.get("Cache-Control", ""));
		program->end();
	}

	void testSwitchedOff()
	{
		// plugins.output-hls.lowLatency=false: every low-latency URL answers 404 naming the setting, the
		// TS playlists play as ever
		HostFixture host(hlsSettings({{"lowLatency", "false"}}));
		auto output = host.service<Output>("output-hls");
		auto program = output->createProgramSink();
		ChannelInfo info;
		info.streamId = 101;
		auto channel = output->createSink(info);
		TestStream stream(25, 12);
		stream.feed(*program);
		stream.feed(*channel);
		const std::string ts = host.request("GET", "api", "/live.m3u8").body;
		std::string segmentUri;  // hls/program/<token>-<seq>.ts
		for (const auto& line : lines(ts))
		{
			if (line[0] != '#') segmentUri = line;
		}
		CPPUNIT_ASSERT_MESSAGE(ts, !segmentUri.empty());
		const std::string stem = "/" + segmentUri.substr(0, segmentUri.size() - 3);  // /hls/program/<token>-<seq>
		const std::string token = stem.substr(0, stem.rfind('-') + 1);
		for (const std::string& path : {std::string("/live.ll.m3u8"), std::string("/live.ll.m3u8?_HLS_msn=1&_HLS_part=0"),
				 std::string("/live/101.ll.m3u8"), token + "1.mp4", stem + ".m4s", stem + ".0.m4s"})
		{
			const HttpResult result = host.request("GET", "api", path);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, result.status);
			CPPUNIT_ASSERT_MESSAGE(path + ": " + result.body, contains(result.body, "low-latency HLS is off (plugins.output-hls.lowLatency)"));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path, std::string("*"), result.headers.get("Access-Control-Allow-Origin", ""));
		}

		// the TS playlists: served, and their segments decode
		for (const std::string& playlist : {std::string("/live.m3u8"), std::string("/live/101.m3u8")})
		{
			const HttpResult result = host.request("GET", "api", playlist);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(playlist + ": " + result.body, 200, result.status);
			CPPUNIT_ASSERT_MESSAGE(result.body, !contains(result.body, "PART") && !contains(result.body, ".m4s"));
			std::string media;
			for (const auto& line : lines(result.body))
			{
				if (line[0] == '#') continue;
				const HttpResult bytes = host.request("GET", "api", resolve(playlist, line));
				CPPUNIT_ASSERT_EQUAL_MESSAGE(line, 200, bytes.status);
				media += bytes.body;
			}
			CPPUNIT_ASSERT(media.size() > 100000);
			int status = 0;
			const std::string decode = TestStream::run("ffmpeg", {"-v", "error", "-i", writeTemporary(media, ".ts"), "-f", "null", "-"}, status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(decode, 0, status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE("decodes without an error", std::string(), decode);
		}
		channel->end();
		program->end();
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputHlsLowLatencyHttpTest);
