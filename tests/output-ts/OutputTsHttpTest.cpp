//
// OutputTsHttpTest.cpp
//
// The built output-ts.so loaded by an in-process host (tests/support/
// HostFixture) serving its tuner port: sinks made through its Output service
// and fed real H.264 + AAC, streams read over HTTP, parsed and decoded by
// ffmpeg. Channel routes need a source to start channels: without one they
// answer the host's refusal (the end-to-end test has a provider).
//

#include "HostFixture.h"
#include "StreamClient.h"
#include "TestStream.h"
#include "TextSearch.h"
#include "TsProbe.h"
#include "restream/Output.h"
#include "restream/PlaybackForm.h"
#include <Poco/FileStream.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>

using restream::ChannelSink;
using restream::Output;
using restream::test::HostFixture;
using restream::test::HttpResult;
using restream::test::StreamClient;
using restream::test::TestStream;
using restream::test::TsProbe;
using restream::test::contains;

namespace {

const int VIDEO_PID = 0x100;

std::map<std::string, std::string> tsSettings(const std::map<std::string, std::string>& more = {})
	/// The host with only output-ts, serving the tuner port too.
{
	std::map<std::string, std::string> settings = {{"plugins.load", "output-ts"}, {"http.ports", "admin, api, player, tuner"}};
	for (const auto& entry : more) settings["plugins.output-ts." + entry.first] = entry.second;
	return settings;
}

std::string writeTemporary(const std::string& bytes)
{
	const std::string path = Poco::TemporaryFile::tempName() + ".ts";
	Poco::TemporaryFile::registerForDeletion(path);
	Poco::FileOutputStream file(path);
	file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
	file.close();
	return path;
}

std::string decodeErrors(const std::string& bytes)
	/// What `ffmpeg -v error` says while decoding bytes (empty when clean).
{
	int status = 0;
	const std::string output =
		TestStream::run("timeout", {"60", "ffmpeg", "-nostdin", "-v", "error", "-i", writeTemporary(bytes), "-f", "null", "-"}, status);
	return status == 0 ? output : "exit status " + std::to_string(status) + ": " + output;
}

int videoFrames(const std::string& bytes)
	/// The video frames ffprobe reads in bytes.
{
	int status = 0;
	const std::string text = TestStream::run("ffprobe", {"-v", "error", "-select_streams", "v", "-count_frames", "-show_entries",
		"stream=nb_read_frames", "-of", "default=nw=1:nk=1", writeTemporary(bytes)}, status);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(text, 0, status);
	return std::stoi(text);
}

void assertStartsAtJoinPoint(const std::string& bytes)
	/// A viewer's first bytes: PAT, PMT, then a video PES flagged random access.
{
	const TsProbe probe(bytes.substr(0, bytes.size() - bytes.size() % 188));
	CPPUNIT_ASSERT(probe.aligned);
	CPPUNIT_ASSERT(probe.packets.size() >= 3);
	CPPUNIT_ASSERT_EQUAL(0, probe.packets[0].pid);
	CPPUNIT_ASSERT(probe.packets[0].unitStart);
	CPPUNIT_ASSERT_EQUAL(probe.pmtPid, probe.packets[1].pid);
	CPPUNIT_ASSERT(probe.packets[1].unitStart);
	std::size_t i = 2;
	while (i < probe.packets.size() && probe.packets[i].pid == 0x11) ++i;
	CPPUNIT_ASSERT_EQUAL(VIDEO_PID, probe.packets.at(i).pid);
	CPPUNIT_ASSERT(probe.packets[i].unitStart && probe.packets[i].randomAccess);
}

void assertStreamHeaders(const StreamClient& client)
{
	CPPUNIT_ASSERT_EQUAL(200, client.status());
	CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), client.header("Content-Type"));
	CPPUNIT_ASSERT_EQUAL(std::string("no-store"), client.header("Cache-Control"));
	CPPUNIT_ASSERT(!client.hasHeader("Content-Length"));
}

bool waitFor(const std::function<bool()>& condition, int seconds)
{
	const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
	while (!condition())
	{
		if (std::chrono::steady_clock::now() >= until) return false;
		std::this_thread::sleep_for(std::chrono::milliseconds(10));
	}
	return true;
}

} // namespace

class OutputTsHttpTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputTsHttpTest);
	CPPUNIT_TEST(testStartsAndRegisters);
	CPPUNIT_TEST(testRefusesBadSettings);
	CPPUNIT_TEST(testIdle);
	CPPUNIT_TEST(testTwoViewersGetTheSameBytesFromOneSink);
	CPPUNIT_TEST(testLateViewerStartsAtPatPmtKeyframe);
	CPPUNIT_TEST(testStreamGoesOnAcrossBeginsAndEndsWithTheSink);
	CPPUNIT_TEST(testViewerWaitsForTheFirstKeyframe);
	CPPUNIT_TEST(testHeadStartsNothing);
	CPPUNIT_TEST(testSlowViewerDroppedWithoutSlowingOthers);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStartsAndRegisters()
	{
		HostFixture host(tsSettings());
		CPPUNIT_ASSERT_EQUAL(std::string(), host.startError());
		CPPUNIT_ASSERT(host.service<Output>("output-ts"));
		CPPUNIT_ASSERT_MESSAGE(host.log(), contains(host.log(), "registered output 'output-ts'"));
		auto form = host.service<restream::PlaybackForm>("output-ts.url");
		CPPUNIT_ASSERT(form);
		CPPUNIT_ASSERT_EQUAL(std::string("ts"), form->format());
		CPPUNIT_ASSERT_EQUAL(std::string("tuner"), form->port());
		CPPUNIT_ASSERT_EQUAL(std::string("/live.ts"), form->programPath());
		CPPUNIT_ASSERT_EQUAL(std::string("/stream/{stream_id}.ts"), form->channelPath());
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), form->mediaType());
		// served on the tuner port only
		CPPUNIT_ASSERT(host.port("tuner") != 0);
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "tuner", "/live.ts").status);
		CPPUNIT_ASSERT(contains(host.request("GET", "tuner", "/live.ts").body, "no active stream"));
		const HttpResult onApi = host.request("GET", "api", "/stream/101.ts");
		CPPUNIT_ASSERT_EQUAL(404, onApi.status);
		CPPUNIT_ASSERT(!contains(onApi.body, "not_configured"));
	}

	void testRefusesBadSettings()
	{
		const std::pair<const char*, const char*> bad[] = {{"ringSize", "0"}, {"ringSize", "65"}, {"ringSize", "big"}, {"startWait", "0"}};
		for (const auto& setting : bad)
		{
			HostFixture host(tsSettings({{setting.first, setting.second}}));
			CPPUNIT_ASSERT_MESSAGE(host.startError(), contains(host.startError(), std::string("plugins.output-ts.") + setting.first + " must be "));
			CPPUNIT_ASSERT(!host.service<Output>("output-ts"));
		}
		HostFixture good(tsSettings({{"ringSize", "64"}, {"startWait", "1.5"}}));
		CPPUNIT_ASSERT_EQUAL(std::string(), good.startError());
		CPPUNIT_ASSERT(good.service<Output>("output-ts"));
	}

	void testIdle()
	{
		HostFixture host(tsSettings());
		// a channel asks the host for a lease: without a source, its refusal, which a media centre may retry
		const HttpResult refused = host.request("GET", "tuner", "/stream/101.ts");
		CPPUNIT_ASSERT_EQUAL(503, refused.status);
		CPPUNIT_ASSERT_EQUAL(std::string("10"), refused.headers.get("Retry-After", ""));
		CPPUNIT_ASSERT_MESSAGE(refused.body, contains(refused.body, "\"error_code\":\"not_configured\""));
		CPPUNIT_ASSERT_MESSAGE(refused.body, contains(refused.body, "\"detail\":\""));
		for (const char* bad : {"/stream/abc.ts", "/stream/0.ts", "/stream/101.m3u8", "/stream/101", "/stream/"})
		{
			const HttpResult result = host.request("GET", "tuner", bad);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, 404, result.status);
			CPPUNIT_ASSERT_MESSAGE(bad, !contains(result.body, "not_configured"));
		}
		auto output = host.service<Output>("output-ts");
		CPPUNIT_ASSERT(!output->createSink(restream::ChannelInfo())); // stream id 0: no URL could name it
	}

	void testTwoViewersGetTheSameBytesFromOneSink()
	{
		HostFixture host(tsSettings());
		auto output = host.service<Output>("output-ts");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		CPPUNIT_ASSERT(program);
		CPPUNIT_ASSERT(program->begin(stream.format()));
		stream.feedPart(*program, 0, 20);
		CPPUNIT_ASSERT(program->playable());

		StreamClient first(host.port("tuner"), "/live.ts");
		StreamClient second(host.port("tuner"), "/live.ts");
		assertStreamHeaders(first);
		assertStreamHeaders(second);
		CPPUNIT_ASSERT_EQUAL(2, program->viewers());
		stream.feedPart(*program, 20, stream.packetCount());
		program->end();
		CPPUNIT_ASSERT(first.waitForEnd(10));
		CPPUNIT_ASSERT(second.waitForEnd(10));
		CPPUNIT_ASSERT_EQUAL(0, program->viewers());

		const std::string bytes = first.body();
		CPPUNIT_ASSERT(bytes.size() > 100000);
		CPPUNIT_ASSERT(bytes == second.body());
		assertStartsAtJoinPoint(bytes);
		CPPUNIT_ASSERT_EQUAL(0, TsProbe(bytes).continuityErrors());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2 * bytes.size()), program->bytesServed());
		CPPUNIT_ASSERT_EQUAL(std::string(), decodeErrors(bytes));
		CPPUNIT_ASSERT_EQUAL(300, videoFrames(bytes)); // 12 s at 25 fps
	}

	void testLateViewerStartsAtPatPmtKeyframe()
	{
		HostFixture host(tsSettings());
		auto output = host.service<Output>("output-ts");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		stream.feed(*program); // 6 GOPs of 2 s; the last is the newest join point
		StreamClient late(host.port("tuner"), "/live.ts");
		assertStreamHeaders(late);
		CPPUNIT_ASSERT(late.waitForSize(3 * 188, 5));
		program->end();
		CPPUNIT_ASSERT(late.waitForEnd(10));
		const std::string bytes = late.body();
		assertStartsAtJoinPoint(bytes);
		CPPUNIT_ASSERT_EQUAL(std::string(), decodeErrors(bytes));
		// it got the last GOP (2 s at 25 fps), not the whole ring
		CPPUNIT_ASSERT_EQUAL(50, videoFrames(bytes));
	}

	void testStreamGoesOnAcrossBeginsAndEndsWithTheSink()
	{
		// reconnects and program switches call begin() again: the viewer's stream goes on
		HostFixture host(tsSettings());
		auto output = host.service<Output>("output-ts");
		TestStream stream(50, 6);
		auto program = output->createProgramSink();
		CPPUNIT_ASSERT(program->begin(stream.format()));
		stream.feedPart(*program, 0, 10);
		StreamClient viewer(host.port("tuner"), "/live.ts");
		stream.feedPart(*program, 10, stream.packetCount());
		stream.nextFeed();
		for (int run = 0; run < 2; ++run) stream.feed(*program);
		CPPUNIT_ASSERT(!viewer.waitForEnd(1));
		CPPUNIT_ASSERT_EQUAL(1, program->viewers());
		program->end();
		CPPUNIT_ASSERT(viewer.waitForEnd(10));
		const std::string bytes = viewer.body();
		const TsProbe probe(bytes);
		CPPUNIT_ASSERT_EQUAL(0, probe.continuityErrors());
		for (const auto& packet : probe.packets) CPPUNIT_ASSERT(!packet.discontinuity); // one muxer all along
		CPPUNIT_ASSERT_EQUAL(std::string(), decodeErrors(bytes));
		CPPUNIT_ASSERT_EQUAL(3 * 150, videoFrames(bytes)); // three runs of 6 s at 25 fps
		// after its end, the program is no longer served
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "tuner", "/live.ts").status);
	}

	void testViewerWaitsForTheFirstKeyframe()
	{
		HostFixture host(tsSettings({{"startWait", "2"}}));
		auto output = host.service<Output>("output-ts");
		TestStream stream(50, 6);
		auto program = output->createProgramSink();
		CPPUNIT_ASSERT(program->begin(stream.format()));
		CPPUNIT_ASSERT(!program->playable());
		// the request waits, unanswered, until the first keyframe
		std::unique_ptr<StreamClient> viewer;
		std::thread connect([&] { viewer.reset(new StreamClient(host.port("tuner"), "/live.ts")); });
		std::this_thread::sleep_for(std::chrono::milliseconds(300));
		CPPUNIT_ASSERT(!viewer);
		stream.feedPart(*program, 0, stream.packetCount());
		connect.join();
		assertStreamHeaders(*viewer);
		CPPUNIT_ASSERT(viewer->waitForSize(3 * 188, 5));
		assertStartsAtJoinPoint(viewer->body());
		viewer.reset();
		program->end();

		// a program that never becomes playable: 503 with Retry-After once startWait is over
		auto silent = output->createProgramSink();
		CPPUNIT_ASSERT(silent->begin(stream.format()));
		const auto asked = std::chrono::steady_clock::now();
		const HttpResult result = host.request("GET", "tuner", "/live.ts");
		const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
		CPPUNIT_ASSERT_EQUAL(503, result.status);
		CPPUNIT_ASSERT_EQUAL(std::string("10"), result.headers.get("Retry-After", ""));
		CPPUNIT_ASSERT_MESSAGE(result.body, contains(result.body, "did not start within 2 s"));
		CPPUNIT_ASSERT(waited >= 1.9 && waited < 4);
		silent->end();
	}

	void testHeadStartsNothing()
	{
		HostFixture host(tsSettings());
		auto output = host.service<Output>("output-ts");
		// a channel: the headers Jellyfin looks at, and no lease (GET would ask for one and be refused)
		StreamClient head(host.port("tuner"), "/stream/101.ts", "HEAD");
		assertStreamHeaders(head);
		CPPUNIT_ASSERT(head.waitForEnd(5));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), head.size());
		CPPUNIT_ASSERT_EQUAL(503, host.request("GET", "tuner", "/stream/101.ts").status);
		CPPUNIT_ASSERT(!contains(host.log(), "channel 101"));
		CPPUNIT_ASSERT_EQUAL(404, host.request("HEAD", "tuner", "/stream/x.ts").status);
		CPPUNIT_ASSERT_EQUAL(404, host.request("HEAD", "tuner", "/live.ts").status); // no program

		// the program: headers only, no viewer, nothing sent
		TestStream stream(50, 6);
		auto program = output->createProgramSink();
		stream.feed(*program);
		StreamClient programHead(host.port("tuner"), "/live.ts", "HEAD");
		assertStreamHeaders(programHead);
		CPPUNIT_ASSERT(programHead.waitForEnd(5));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), programHead.size());
		CPPUNIT_ASSERT_EQUAL(0, program->viewers());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), program->bytesServed());
		program->end();
	}

	void testSlowViewerDroppedWithoutSlowingOthers()
	{
		HostFixture host(tsSettings());
		auto output = host.service<Output>("output-ts");
		TestStream stream(50, 12);
		auto program = output->createProgramSink();
		CPPUNIT_ASSERT(program->begin(stream.format()));
		stream.feedPart(*program, 0, 20);

		// a viewer that asks and then never reads, with a tiny receive buffer
		Poco::Net::StreamSocket slow(Poco::Net::SocketAddress::IPv4);
		slow.setReceiveBufferSize(4096);
		slow.connect(Poco::Net::SocketAddress("127.0.0.1", host.port("tuner")));
		const std::string request = "GET /live.ts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
		slow.sendBytes(request.data(), static_cast<int>(request.size()));
		CPPUNIT_ASSERT(waitFor([&] { return program->viewers() == 1; }, 5));
		StreamClient fast(host.port("tuner"), "/live.ts");
		CPPUNIT_ASSERT_EQUAL(2, program->viewers());

		// feed until the slow one is cut (the host's backlog is 8 MiB, plus the kernel's buffers), at most 80 MiB
		stream.feedPart(*program, 20, stream.packetCount());
		stream.nextFeed();
		const auto started = std::chrono::steady_clock::now();
		while (program->viewers() == 2 && program->bytesServed() < 160u * 1024 * 1024) stream.feed(*program, false);
		const double feeding = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
		CPPUNIT_ASSERT_EQUAL(1, program->viewers());
		// the fast one kept up all along and gets everything to the end
		const Poco::UInt64 published = program->bytesServed();
		program->end();
		CPPUNIT_ASSERT(fast.waitForEnd(30));
		CPPUNIT_ASSERT_MESSAGE(std::to_string(fast.size()), fast.size() > 8u * 1024 * 1024);
		CPPUNIT_ASSERT(fast.size() < published);
		const TsProbe probe(fast.body());
		CPPUNIT_ASSERT(probe.aligned);
		CPPUNIT_ASSERT_EQUAL(0, probe.continuityErrors());
		CPPUNIT_ASSERT_MESSAGE(std::to_string(feeding), feeding < 30);
		// the slow one's connection was closed by the server after what it had queued
		slow.setReceiveTimeout(Poco::Timespan(10, 0));
		char buffer[65536];
		std::size_t drained = 0;
		for (int n = 0; (n = slow.receiveBytes(buffer, sizeof(buffer))) > 0;) drained += static_cast<std::size_t>(n);
		CPPUNIT_ASSERT(drained < fast.size());
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputTsHttpTest);
