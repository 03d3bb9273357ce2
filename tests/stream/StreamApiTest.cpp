//
// StreamApiTest.cpp
//
// The live path end to end: a real host (auth-jwt, a source, output-hls)
// against the fake provider and the demo source, checked with ffprobe and
// the provider's own connection counts.
//

#include "SignedInHost.h"
#include "TextSearch.h"
#include "fakeprovider/FakeProvider.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <atomic>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

using restream::test::SignedInHost;
using restream::test::HttpResult;
using restream::test::contains;

namespace {

std::set<std::string> probeCodecs(const std::string& url)
	/// The codec names ffprobe finds in url (a playlist or a file).
{
	Poco::Pipe out;
	Poco::ProcessHandle process = Poco::Process::launch("ffprobe",
		{"-v", "error", "-rw_timeout", "10000000", "-show_entries", "stream=codec_name", "-of", "csv=p=0", url}, nullptr, &out, nullptr);
	Poco::PipeInputStream stream(out);
	std::string text;
	Poco::StreamCopier::copyToString(stream, text);
	process.wait();
	std::set<std::string> codecs;
	std::istringstream lines(text);
	for (std::string line; std::getline(lines, line);)
	{
		if (!line.empty()) codecs.insert(line.substr(0, line.find(',')));
	}
	return codecs;
}

} // namespace

class StreamApiTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(StreamApiTest);
	CPPUNIT_TEST(testIdle);
	CPPUNIT_TEST(testDemoChannelPlays);
	CPPUNIT_TEST(testProviderChannelPlays);
	CPPUNIT_TEST(testMp2AudioBecomesAac);
	CPPUNIT_TEST(testOneUpstreamForTwentyViewers);
	CPPUNIT_TEST(testStopReleasesTheUpstreamWithinOneSecond);
	CPPUNIT_TEST(testSwitchNeverHoldsTwoUpstreams);
	CPPUNIT_TEST(testBadStartRequests);
	CPPUNIT_TEST(testConflictWhenTheAccountIsFull);
	CPPUNIT_TEST(testProviderFailureIsReported);
	CPPUNIT_TEST(testNoCredentialsInPublicAnswers);
	CPPUNIT_TEST(testPostWithoutBodyIsAnsweredAtOnce);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_provider.reset(new fakeprovider::FakeProvider);
		_provider->start();
	}

	void tearDown() override
	{
		_host.reset();
		_provider.reset();
	}

	void testIdle()
	{
		startHost();
		const HttpResult playlist = _host->request("GET", "api", "/live.m3u8");
		CPPUNIT_ASSERT_EQUAL(404, playlist.status);
		CPPUNIT_ASSERT_EQUAL(std::string("no active stream"), SignedInHost::jsonObject(playlist.body)->getValue<std::string>("detail"));
		auto status = _host->status();
		CPPUNIT_ASSERT(!status->getValue<bool>("active"));
		CPPUNIT_ASSERT_EQUAL(std::string("idle"), status->getValue<std::string>("state"));
		CPPUNIT_ASSERT(status->isNull("error") && status->isNull("error_code") && status->isNull("hls_url"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), status->getArray("urls")->size());
		CPPUNIT_ASSERT_EQUAL(200, _host->request("POST", "api", "/stop_stream", "", _host->bearer()).status);
	}

	void testDemoChannelPlays()
	{
		startHost({{"plugins.load", "auth-jwt, source-demo, output-hls"}});
		const auto started = std::chrono::steady_clock::now();
		const HttpResult start = _host->startStream(1);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(start.body, 200, start.status);
		auto answer = SignedInHost::jsonObject(start.body);
		CPPUNIT_ASSERT_EQUAL(std::string("starting"), answer->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), answer->getValue<Poco::Int64>("stream_id"));
		const std::string hls = "http://127.0.0.1:" + std::to_string(_host->port("api")) + "/live.m3u8";
		CPPUNIT_ASSERT_EQUAL(hls, answer->getValue<std::string>("hls_url"));
		CPPUNIT_ASSERT_EQUAL("http://127.0.0.1:" + std::to_string(_host->port("player")) + "/", answer->getValue<std::string>("player_url"));
		// every URL form the outputs registered (output-hls: the program's playlist)
		auto urls = answer->getArray("urls");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), urls->size());
		CPPUNIT_ASSERT_EQUAL(std::string("hls"), urls->getObject(0)->getValue<std::string>("format"));
		CPPUNIT_ASSERT_EQUAL(hls, urls->getObject(0)->getValue<std::string>("url"));
		CPPUNIT_ASSERT_EQUAL(std::string("application/vnd.apple.mpegurl"), urls->getObject(0)->getValue<std::string>("media_type"));
		auto live = _host->waitForState("live", 20);
		CPPUNIT_ASSERT(live->isNull("error") && live->isNull("error_code"));
		CPPUNIT_ASSERT_EQUAL(hls, live->getValue<std::string>("hls_url"));
		CPPUNIT_ASSERT_EQUAL(hls, live->getArray("urls")->getObject(0)->getValue<std::string>("url"));
		std::cout << "\n[figure] demo channel: start request to live in "
				  << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count() << " ms" << std::endl;
		const std::set<std::string> codecs = probeCodecs(hlsUrl());
		CPPUNIT_ASSERT_MESSAGE(_host->log(), codecs.count("h264") && codecs.count("aac"));
	}

	void testProviderChannelPlays()
	{
		startHost();
		const auto started = std::chrono::steady_clock::now();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		std::cout << "\n[figure] provider channel: start request to live in "
				  << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count() << " ms" << std::endl;
		auto status = _host->status();
		CPPUNIT_ASSERT_EQUAL(std::string("France 2 \xC3\x89t\xC3\xA9"), status->getValue<std::string>("name"));
		CPPUNIT_ASSERT(status->getValue<bool>("active"));
		const std::set<std::string> codecs = probeCodecs(hlsUrl());
		CPPUNIT_ASSERT(codecs.count("h264") && codecs.count("aac"));
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "api", "/live/101.m3u8").status);
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "api", "/internal_stream.m3u8").status);
	}

	void testMp2AudioBecomesAac()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_MP2).status);
		_host->waitForState("live", 20);
		const std::set<std::string> codecs = probeCodecs(hlsUrl());
		CPPUNIT_ASSERT(codecs.count("h264"));
		CPPUNIT_ASSERT(codecs.count("aac"));
		CPPUNIT_ASSERT(!codecs.count("mp2"));
	}

	void testOneUpstreamForTwentyViewers()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		std::atomic<int> segmentsServed{0};
		std::atomic<int> viewerFailures{0};
		std::vector<std::thread> viewers;
		const unsigned short port = _host->port("api");
		for (int viewer = 0; viewer < 20; ++viewer)
		{
			viewers.emplace_back([&, viewer] {
				try
				{
					watch(viewer, port, segmentsServed);
				}
				catch (const Poco::Exception&)
				{
					++viewerFailures;
				}
			});
		}
		for (auto& viewer : viewers) viewer.join();
		CPPUNIT_ASSERT_EQUAL(0, viewerFailures.load());
		CPPUNIT_ASSERT(segmentsServed > 100);
		const auto stats = _provider->stats();
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), stats.channels.at(fakeprovider::FakeProvider::CHANNEL_SD).total);
		CPPUNIT_ASSERT_EQUAL(1, stats.channels.at(fakeprovider::FakeProvider::CHANNEL_SD).open);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), stats.streamRequests);
		auto status = _host->status();
		CPPUNIT_ASSERT(status->getValue<int>("viewers") >= 20);
	}

	static void watch(int viewer, unsigned short port, std::atomic<int>& segmentsServed)
		/// One viewer for 6 s: the playlist, then its newest segment, every 500 ms.
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", port);
		session.setTimeout(Poco::Timespan(10, 0));
		const std::string name = "viewer-" + std::to_string(viewer);
		const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(6);
		while (std::chrono::steady_clock::now() < until)
		{
			std::istringstream lines(fetch(session, "/live.m3u8", name));
			std::string newest;
			for (std::string line; std::getline(lines, line);)
				if (!line.empty() && line[0] != '#') newest = line; // relative to /live.m3u8
			if (!newest.empty() && !fetch(session, "/" + newest, name).empty()) ++segmentsServed;
			std::this_thread::sleep_for(std::chrono::milliseconds(500));
		}
	}

	void testStopReleasesTheUpstreamWithinOneSecond()
	{
		startHost({{"plugins.output-hls.endedGrace", "2"}});
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		CPPUNIT_ASSERT_EQUAL(1, _provider->stats().channels.at(fakeprovider::FakeProvider::CHANNEL_SD).open);
		const auto stopped = std::chrono::steady_clock::now();
		CPPUNIT_ASSERT_EQUAL(200, _host->request("POST", "api", "/stop_stream", "", _host->bearer()).status);
		while (_provider->stats().channels.at(fakeprovider::FakeProvider::CHANNEL_SD).open != 0 &&
			std::chrono::steady_clock::now() - stopped < std::chrono::seconds(3))
			std::this_thread::sleep_for(std::chrono::milliseconds(20));
		const auto released = std::chrono::steady_clock::now() - stopped;
		std::cout << "\n[figure] stop to upstream closed at the provider: "
				  << std::chrono::duration_cast<std::chrono::milliseconds>(released).count() << " ms" << std::endl;
		CPPUNIT_ASSERT(released < std::chrono::seconds(1));
		// stopping ends the program: its playlist says so (players end cleanly), then is gone after endedGrace
		const HttpResult ending = _host->request("GET", "api", "/live.m3u8");
		CPPUNIT_ASSERT_EQUAL(200, ending.status);
		CPPUNIT_ASSERT_MESSAGE(ending.body, contains(ending.body, "\n#EXT-X-ENDLIST\n"));
		while (_host->request("GET", "api", "/live.m3u8").status != 404 && std::chrono::steady_clock::now() - stopped < std::chrono::seconds(5))
			std::this_thread::sleep_for(std::chrono::milliseconds(100));
		CPPUNIT_ASSERT_EQUAL(404, _host->request("GET", "api", "/live.m3u8").status);
		CPPUNIT_ASSERT(std::chrono::steady_clock::now() - stopped >= std::chrono::seconds(2));
		CPPUNIT_ASSERT_EQUAL(200, _host->request("POST", "api", "/stop_stream", "", _host->bearer()).status); // idempotent
		CPPUNIT_ASSERT_EQUAL(std::string("idle"), _host->status()->getValue<std::string>("state"));
	}

	void testSwitchNeverHoldsTwoUpstreams()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		std::atomic<bool> watching{true};
		std::atomic<int> mostOpen{0};
		std::thread watcher([&] {
			while (watching)
			{
				int open = 0;
				for (const auto& channel : _provider->stats().channels) open += channel.second.open;
				mostOpen = std::max(mostOpen.load(), open);
				std::this_thread::sleep_for(std::chrono::milliseconds(5));
			}
		});
		HttpResult switched;
		try
		{
			switched = _host->startStream(fakeprovider::FakeProvider::CHANNEL_SMALL);
			if (switched.status == 200) _host->waitForState("live", 20);
		}
		catch (...)
		{
			watching = false;
			watcher.join();
			throw;
		}
		watching = false;
		watcher.join();
		CPPUNIT_ASSERT_EQUAL_MESSAGE(switched.body, 200, switched.status);
		const auto stats = _provider->stats();
		CPPUNIT_ASSERT_EQUAL(0, stats.channels.at(fakeprovider::FakeProvider::CHANNEL_SD).open);
		CPPUNIT_ASSERT_EQUAL(1, stats.channels.at(fakeprovider::FakeProvider::CHANNEL_SMALL).open);
		CPPUNIT_ASSERT_EQUAL(1, mostOpen.load());
		// the provider may not have noticed the closed slot yet: a 403 then is retried after a short delay
		CPPUNIT_ASSERT(stats.streamRefused <= 2);
		CPPUNIT_ASSERT_EQUAL(std::string("News 24"), _host->status()->getValue<std::string>("name"));
	}

	void testBadStartRequests()
	{
		startHost();
		for (const char* body : {"{\"stream_id\": \"101\"}", "{\"stream_id\": -1}", "{\"stream_id\": 0}", "{\"stream_id\": 1.5}",
				 "{\"stream_id\": 1152921504606846976}", "{\"stream_id\": 99999999999999999999999}", "{stream_id: 101", "[101]", "101",
				 "{\"stream_id\": 101, \"primary\": \"yes\"}", "{}"})
		{
			const HttpResult result = _host->request("POST", "api", "/start_stream", body, _host->bearer());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, 400, result.status);
			CPPUNIT_ASSERT_MESSAGE(body, contains(result.body, "\"detail\""));
		}
		const HttpResult huge = _host->request("POST", "api", "/start_stream", "{\"stream_id\": 101, \"pad\": \"" + std::string(20000, 'x') + "\"}", _host->bearer());
		CPPUNIT_ASSERT_EQUAL(413, huge.status);
		const HttpResult unknown = _host->startStream(424242);
		CPPUNIT_ASSERT_EQUAL(404, unknown.status);
		CPPUNIT_ASSERT_EQUAL(std::string("not_found"), SignedInHost::jsonObject(unknown.body)->getValue<std::string>("error_code"));
		CPPUNIT_ASSERT_EQUAL(401, _host->request("POST", "api", "/start_stream", "{\"stream_id\": 101}").status);
		CPPUNIT_ASSERT_EQUAL(401, _host->request("POST", "api", "/stop_stream", "").status);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().streamRequests);
	}

	void testConflictWhenTheAccountIsFull()
	{
		// another player holds the account's only connection
		Poco::Net::HTTPClientSession other("127.0.0.1", _provider->port());
		Poco::Net::HTTPRequest request("GET", "/live/" + _provider->options().username + "/" + _provider->options().password + "/105.ts");
		other.sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::istream& stream = other.receiveResponse(response);
		char buffer[1024];
		stream.read(buffer, sizeof(buffer));
		CPPUNIT_ASSERT_EQUAL(1, _provider->stats().activeConnections);
		// the host reads the account's figures in the background (never during a start): once it has, the start is refused
		startHost();
		const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
		while (!contains(_host->log(), "provider account: 1 connection(s) allowed, 1 in use") && std::chrono::steady_clock::now() < until)
			std::this_thread::sleep_for(std::chrono::milliseconds(20));
		CPPUNIT_ASSERT_MESSAGE(_host->log(), contains(_host->log(), "provider account: 1 connection(s) allowed, 1 in use"));
		const HttpResult refused = _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 409, refused.status);
		auto answer = SignedInHost::jsonObject(refused.body);
		CPPUNIT_ASSERT_EQUAL(std::string("connection_limit"), answer->getValue<std::string>("error_code"));
		CPPUNIT_ASSERT_MESSAGE(refused.body, contains(answer->getValue<std::string>("detail"), "connection"));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().streamRequests);
		CPPUNIT_ASSERT(!_host->status()->getValue<bool>("active"));
	}

	void testProviderFailureIsReported()
	{
		startHost();
		_provider->setStatus(fakeprovider::FakeProvider::CHANNEL_SD, 503);
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		auto status = _host->waitForState("reconnecting", 10);
		CPPUNIT_ASSERT(contains(status->getValue<std::string>("error"), "HTTP 5xx"));
		CPPUNIT_ASSERT_EQUAL(std::string("upstream_refused"), status->getValue<std::string>("error_code"));
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "api", "/health").status);
	}

	void testNoCredentialsInPublicAnswers()
	{
		startHost({{"log.level", "debug"}});
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		std::string everything = _host->request("GET", "api", "/stream_status").body;
		everything += _host->request("GET", "api", "/metrics").body;
		const std::string playlist = _host->request("GET", "api", "/live.m3u8").body;
		everything += playlist;
		std::istringstream lines(playlist);
		for (std::string line; std::getline(lines, line);)
			if (!line.empty() && line[0] != '#') everything += _host->request("GET", "api", "/" + line).body; // relative to /live.m3u8
		everything += _host->log();
		const auto& options = _provider->options();
		CPPUNIT_ASSERT(!contains(everything, options.password));
		CPPUNIT_ASSERT(!contains(everything, options.username));
	}

	void testPostWithoutBodyIsAnsweredAtOnce()
	{
		// `curl -X POST` sends neither Content-Length nor a body: HTTP/1.1 says there is none, so the
		// answer comes at once and the connection stays usable (Poco alone would wait for the close).
		startHost();
		Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", _host->port("api")));
		socket.setReceiveTimeout(Poco::Timespan(3, 0));
		const std::string requests =
			"POST /stop_stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + _host->token() + "\r\n\r\n"
			"POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
			"GET /stream_status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
		socket.sendBytes(requests.data(), static_cast<int>(requests.size()));
		std::string answers;
		char buffer[4096];
		const auto start = std::chrono::steady_clock::now();
		while (answers.find("\"active\"") == std::string::npos)
		{
			const int n = socket.receiveBytes(buffer, sizeof(buffer)); // throws TimeoutException after 3 s
			if (n <= 0) break;
			answers.append(buffer, static_cast<std::size_t>(n));
		}
		CPPUNIT_ASSERT_MESSAGE(answers, answers.find("HTTP/1.1 200") == 0);
		CPPUNIT_ASSERT_MESSAGE(answers, answers.find("HTTP/1.1 4", 1) != std::string::npos); // login: missing fields
		CPPUNIT_ASSERT_MESSAGE(answers, answers.find("\"active\"") != std::string::npos);
		CPPUNIT_ASSERT(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
	}

private:
	void startHost(std::map<std::string, std::string> settings = {})
	{
		settings.emplace("plugins.load", "auth-jwt, source-xtream, output-hls");
		_host.reset(new SignedInHost(SignedInHost::withXtream(
			settings, _provider->baseUrl(), _provider->options().username, _provider->options().password)));
	}

	std::string hlsUrl() const
	{
		return "http://127.0.0.1:" + std::to_string(_host->port("api")) + "/live.m3u8";
	}

	static std::string fetch(Poco::Net::HTTPClientSession& session, const std::string& path, const std::string& viewer)
	{
		Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
		request.set("User-Agent", viewer);
		request.set("X-Forwarded-For", "198.51.100." + viewer.substr(viewer.find('-') + 1));
		session.sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::string body;
		Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
		return response.getStatus() == 200 ? body : std::string();
	}

	std::unique_ptr<fakeprovider::FakeProvider> _provider;
	std::unique_ptr<SignedInHost> _host;
};

CPPUNIT_TEST_SUITE_REGISTRATION(StreamApiTest);
