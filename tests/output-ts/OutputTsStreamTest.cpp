//
// OutputTsStreamTest.cpp
//
// End to end: an in-process host (the host's own classes: admission, leases,
// pipelines, HTTP ports) with source-xtream pointed at the fake provider and
// the built output-ts.so, watched over the tuner port by the ffmpeg CLI and
// by plain HTTP clients, the provider counting its upstream connections.
//

#include "SignedInHost.h"
#include "StreamClient.h"
#include "TestStream.h"
#include "TextSearch.h"
#include "TsProbe.h"
#include "fakeprovider/FakeProvider.h"
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

using fakeprovider::FakeProvider;
using restream::test::HttpResult;
using restream::test::SignedInHost;
using restream::test::StreamClient;
using restream::test::TestStream;
using restream::test::TsProbe;
using restream::test::contains;

namespace {

constexpr int IDLE_SECONDS = 1;

bool waitFor(const std::function<bool()>& condition, int seconds)
{
	const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
	while (!condition())
	{
		if (std::chrono::steady_clock::now() >= until) return false;
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
	}
	return true;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

class OutputTsStreamTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputTsStreamTest);
	CPPUNIT_TEST(testFfmpegPlaysTwentySecondsFromOneUpstream);
	CPPUNIT_TEST(testRefusalsLeaveTheOthersAlone);
	CPPUNIT_TEST(testViewerEndsWhenTheAdminTakesTheConnection);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		fakeprovider::ProviderOptions options; // max_connections 1
		options.slotReleaseDelay = Poco::Timespan(0, 200000);
		_provider.reset(new FakeProvider(options));
		_provider->start();
		std::map<std::string, std::string> settings = {{"plugins.load", "auth-jwt, source-xtream, output-ts"},
			{"http.ports", "admin, api, player, tuner"}, {"live.idleTimeout", std::to_string(IDLE_SECONDS)}};
		_host.reset(new SignedInHost(
			SignedInHost::withXtream(settings, _provider->baseUrl(), _provider->options().username, _provider->options().password)));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(_host->log(), std::string(), _host->startError());
		CPPUNIT_ASSERT_MESSAGE(_host->log(),
			waitFor([&] { return contains(_host->log(), "provider account: 1 connection(s) allowed"); }, 10));
	}

	void tearDown() override
	{
		_host.reset();
		_provider.reset();
	}

	void testFfmpegPlaysTwentySecondsFromOneUpstream()
	{
		const std::string url = "http://127.0.0.1:" + std::to_string(_host->port("tuner")) + "/stream/101.ts";
		const auto asked = std::chrono::steady_clock::now();
		StreamClient first(_host->port("tuner"), "/stream/101.ts");
		CPPUNIT_ASSERT_EQUAL(200, first.status());
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), first.header("Content-Type"));
		CPPUNIT_ASSERT(first.waitForSize(3 * 188, 15));
		const double firstBytes = secondsSince(asked);
		std::cout << "\n[figure] /stream/101.ts of a channel not running: first bytes after " << firstBytes << " s" << std::flush;

		// a second viewer, the ffmpeg CLI, joins the running channel: no second upstream
		const auto joined = std::chrono::steady_clock::now();
		int status = 0;
		const std::string errors =
			TestStream::run("timeout", {"60", "ffmpeg", "-nostdin", "-v", "error", "-i", url, "-t", "20", "-f", "null", "-"}, status);
		const double played = secondsSince(joined);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(errors, 0, status);
		CPPUNIT_ASSERT_EQUAL(std::string(), errors);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(played), played >= 17 && played < 40); // real time, less the burst of the last GOP
		std::cout << "\n[figure] ffmpeg decoded 20 s of /stream/101.ts in " << played << " s, no error" << std::flush;

		const auto stats = _provider->stats();
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), stats.channels.at(FakeProvider::CHANNEL_SD).total);
		CPPUNIT_ASSERT_EQUAL(1, stats.channels.at(FakeProvider::CHANNEL_SD).open);
		// the first viewer got a continuous stream all along
		const std::string bytes = first.body();
		const TsProbe probe(bytes.substr(0, bytes.size() - bytes.size() % 188));
		CPPUNIT_ASSERT(probe.aligned);
		CPPUNIT_ASSERT_EQUAL(0, probe.continuityErrors());
		CPPUNIT_ASSERT_EQUAL(0, probe.packets.front().pid);
		CPPUNIT_ASSERT(!first.ended());

		// two viewers at once: one upstream, two viewers and their bytes in the host's figures
		StreamClient second(_host->port("tuner"), "/stream/101.ts");
		CPPUNIT_ASSERT(second.waitForSize(3 * 188, 5));
		// (ffmpeg has hung up: its place goes once the host notices, at its next write)
		std::string metrics;
		CPPUNIT_ASSERT_MESSAGE(metrics, waitFor([&] {
			metrics = _host->request("GET", "api", "/metrics").body;
			return contains(metrics, "restream_viewers{stream_id=\"101\"} 2\n") &&
				contains(metrics, "restream_channel_holders{stream_id=\"101\"} 2\n");
		}, 5));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().channels.at(FakeProvider::CHANNEL_SD).total);
	}

	void testRefusalsLeaveTheOthersAlone()
	{
		// HEAD tells a media centre what it gets, and opens nothing upstream
		StreamClient head(_host->port("tuner"), "/stream/105.ts", "HEAD");
		CPPUNIT_ASSERT_EQUAL(200, head.status());
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), head.header("Content-Type"));

		StreamClient viewer(_host->port("tuner"), "/stream/101.ts");
		CPPUNIT_ASSERT(viewer.waitForSize(188 * 100, 15));
		// the account's one connection is in use: 503, Retry-After, the host's sentence
		const HttpResult full = _host->request("GET", "tuner", "/stream/103.ts");
		CPPUNIT_ASSERT_EQUAL(503, full.status);
		CPPUNIT_ASSERT_EQUAL(std::string("10"), full.headers.get("Retry-After", ""));
		CPPUNIT_ASSERT_MESSAGE(full.body, contains(full.body, "\"error_code\":\"connection_limit\""));
		CPPUNIT_ASSERT_MESSAGE(full.body, contains(full.body, "France 2"));
		// a channel the catalog does not have: 404
		const HttpResult unknown = _host->request("GET", "tuner", "/stream/999.ts");
		CPPUNIT_ASSERT_EQUAL(404, unknown.status);
		CPPUNIT_ASSERT_MESSAGE(unknown.body, contains(unknown.body, "\"error_code\":\"not_found\""));
		// nothing else was disturbed
		const std::size_t before = viewer.size();
		CPPUNIT_ASSERT(viewer.waitForSize(before + 188 * 100, 10));
		const auto stats = _provider->stats();
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), stats.streamRequests);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), stats.channels.at(FakeProvider::CHANNEL_SD).total);

		// the viewer leaves: its lease goes, the channel stops live.idleTimeout later
		viewer.close();
		CPPUNIT_ASSERT_MESSAGE(_host->log(),
			waitFor([&] { return _provider->stats().channels.at(FakeProvider::CHANNEL_SD).open == 0; }, IDLE_SECONDS + 5));
		// and the connection is free for another channel
		StreamClient other(_host->port("tuner"), "/stream/103.ts");
		CPPUNIT_ASSERT_EQUAL(200, other.status());
		CPPUNIT_ASSERT(other.waitForSize(188 * 100, 15));
	}

	void testViewerEndsWhenTheAdminTakesTheConnection()
	{
		StreamClient viewer(_host->port("tuner"), "/stream/101.ts");
		CPPUNIT_ASSERT(viewer.waitForSize(188 * 100, 15));
		// the admin puts another channel on air: the program outranks the viewer's lease
		const HttpResult started = _host->startStream(FakeProvider::CHANNEL_HD);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(started.body, 200, started.status);
		CPPUNIT_ASSERT_MESSAGE(_host->log(), viewer.waitForEnd(10));
		// the program is served as MPEG-TS too
		StreamClient program(_host->port("tuner"), "/live.ts");
		CPPUNIT_ASSERT_EQUAL(200, program.status());
		CPPUNIT_ASSERT(program.waitForSize(188 * 100, 20));
		CPPUNIT_ASSERT_EQUAL(0, TsProbe(program.body().substr(0, 188 * 100)).packets.front().pid);
	}

private:
	std::unique_ptr<FakeProvider> _provider;
	std::unique_ptr<SignedInHost> _host;
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputTsStreamTest);
