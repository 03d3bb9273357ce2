//
// XtreamHttpTest.cpp
//
// source-xtream over real HTTP: the plugin's start(), and XtreamSource and
// ProviderClient against a FakePanel on 127.0.0.1 (timeouts, redirects,
// statuses, unreachable servers, resolve()).
//

#include "CatalogGenerator.h"
#include "FakePanel.h"
#include "ProviderClient.h"
#include "ServerAddress.h"
#include "TestContext.h"
#include "XtreamPlugin.h"
#include "XtreamSettings.h"
#include "XtreamSource.h"
#include "restream/SourceException.h"
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timestamp.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <memory>
#include <string>
#include <thread>

using restream::Source;
using restream::SourceException;
using restream::SourceInput;
using restream::xtream::ProviderClient;
using restream::xtream::ServerAddress;
using restream::xtream::XtreamPlugin;
using restream::xtream::XtreamSettings;
using restream::xtream::XtreamSource;
using restream::xtream::bench::CatalogGenerator;
using restream::xtream::test::CannedAnswer;
using restream::xtream::test::FakePanel;
using restream::xtream::test::TestContext;

namespace {

const std::string USER = "alice user+1";
const std::string PASSWORD = "p@ss/w&rd é";
const std::string ACCOUNT = "/player_api.php";
const std::string STREAMS = "/player_api.php?get_live_streams";
const std::string CATEGORIES = "/player_api.php?get_live_categories";

CannedAnswer ok(const std::string& body)
{
	CannedAnswer answer;
	answer.body = body;
	answer.headers["Content-Type"] = "application/json";
	return answer;
}

CannedAnswer status(int code, const std::string& body = "")
{
	CannedAnswer answer;
	answer.status = code;
	answer.body = body;
	return answer;
}

CannedAnswer redirect(const std::string& location)
{
	CannedAnswer answer;
	answer.status = 302;
	answer.headers["Location"] = location;
	return answer;
}

unsigned short closedPort()
{
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	const unsigned short port = socket.address().port();
	socket.close();
	return port;
}

} // namespace

class XtreamHttpTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(XtreamHttpTest);
	CPPUNIT_TEST(testStartWithoutUrlRegistersNothing);
	CPPUNIT_TEST(testStartWithoutCredentialsThrows);
	CPPUNIT_TEST(testStartRefusesBadSettings);
	CPPUNIT_TEST(testStartRefusesCredentialsInUrlPath);
	CPPUNIT_TEST(testStartIsFastWithProviderDown);
	CPPUNIT_TEST(testAccountRequest);
	CPPUNIT_TEST(testCatalog);
	CPPUNIT_TEST(testLargeCatalog);
	CPPUNIT_TEST(testAccountCheckIsReused);
	CPPUNIT_TEST(testExpiredAccountShownButNotUsed);
	CPPUNIT_TEST(testBannedAccount);
	CPPUNIT_TEST(testLoginRefusedByStatus);
	CPPUNIT_TEST(testLoginRefusedByAuthZero);
	CPPUNIT_TEST(testHtmlAnswer);
	CPPUNIT_TEST(testServerError);
	CPPUNIT_TEST(testNotFoundStatus);
	CPPUNIT_TEST(testTimeout);
	CPPUNIT_TEST(testDrippingAnswerHitsCallTimeout);
	CPPUNIT_TEST(testTwoRedirectsFollowed);
	CPPUNIT_TEST(testThreeRedirectsRefused);
	CPPUNIT_TEST(testRedirectToOtherScheme);
	CPPUNIT_TEST(testUnreachable);
	CPPUNIT_TEST(testUnknownHost);
	CPPUNIT_TEST(testTlsToPlainServer);
	CPPUNIT_TEST(testUntrustedCertificateRefused);
	CPPUNIT_TEST(testUntrustedCertificateAcceptedWithoutVerification);
	CPPUNIT_TEST(testAnswerTooLarge);
	CPPUNIT_TEST(testAnswerCutShort);
	CPPUNIT_TEST(testResolveTs);
	CPPUNIT_TEST(testResolveHlsWhenOnlyM3u8Allowed);
	CPPUNIT_TEST(testResolveHlsBySetting);
	CPPUNIT_TEST(testResolveRefusesBadIds);
	CPPUNIT_TEST(testLogosWithCredentialsDropped);
	CPPUNIT_TEST(testLogsAndMessagesCarryNoCredentials);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_panel.reset(new FakePanel);
		_context.reset(new TestContext);
		_context->addSecret(USER);
		_context->addSecret(PASSWORD);
		_panel->route(ACCOUNT, ok(FakePanel::accountJson()));
	}

	void tearDown() override
	{
		_panel.reset();
		_context.reset();
	}

	// --- the plugin

	void testStartWithoutUrlRegistersNothing()
	{
		XtreamPlugin plugin;
		plugin.start(*_context);
		CPPUNIT_ASSERT(_context->registry().all().empty());
		CPPUNIT_ASSERT(_context->log().find("No provider configured") != std::string::npos);
		plugin.stop();
	}

	void testStartWithoutCredentialsThrows()
	{
		_context->set("url", _panel->url());
		_context->set("username", USER);
		XtreamPlugin plugin;
		try
		{
			plugin.start(*_context);
			CPPUNIT_FAIL("started without a password");
		}
		catch (const Poco::InvalidArgumentException& exc)
		{
			CPPUNIT_ASSERT(exc.message().find("username and password") != std::string::npos);
		}
		CPPUNIT_ASSERT(_context->registry().all().empty());
	}

	void testStartRefusesBadSettings()
	{
		const std::vector<std::pair<std::string, std::string>> bad = {{"url", "ftp://panel.example.org"}, {"url", "http://"},
			{"timeout", "0"}, {"timeout", "ten"}, {"outputFormat", "rtmp"}, {"tlsVerify", "maybe"}};
		for (const auto& setting : bad)
		{
			TestContext context;
			context.set("url", _panel->url());
			context.set("username", USER);
			context.set("password", PASSWORD);
			context.set("timeout", "10");
			context.set("outputFormat", "ts");
			context.set("tlsVerify", "true");
			context.set(setting.first, setting.second);
			XtreamPlugin plugin;
			try
			{
				plugin.start(context);
				CPPUNIT_FAIL("accepted " + setting.first + "=" + setting.second);
			}
			catch (const Poco::InvalidArgumentException& exc)
			{
				CPPUNIT_ASSERT_MESSAGE(exc.message(), exc.message().find(setting.first) != std::string::npos);
			}
		}
	}

	void testStartRefusesCredentialsInUrlPath()
	{
		_context->set("url", "http://panel.example.org/iptv/bob/hunter22/");
		_context->set("username", "bob");
		_context->set("password", "hunter22");
		XtreamPlugin plugin;
		try
		{
			plugin.start(*_context);
			CPPUNIT_FAIL("accepted credentials in the path of url");
		}
		catch (const Poco::InvalidArgumentException& exc)
		{
			CPPUNIT_ASSERT_MESSAGE(exc.message(), exc.message().find("username or password in its path") != std::string::npos);
			CPPUNIT_ASSERT(exc.message().find("hunter22") == std::string::npos);
		}
	}

	void testStartIsFastWithProviderDown()
	{
		const Poco::Timestamp started;
		const auto source = startPlugin("http://127.0.0.1:" + std::to_string(closedPort()) + "/player_api.php", "true");
		CPPUNIT_ASSERT(started.elapsed() < 1000000);
		CPPUNIT_ASSERT(source);
		CPPUNIT_ASSERT(source->displayName().find("127.0.0.1:") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(SourceException::Unreachable, kindOf([&]() { source->account(); }));
	}

	// --- the source

	void testAccountRequest()
	{
		const auto account = source()->account();
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), account.status);
		CPPUNIT_ASSERT_EQUAL(2, account.maxConnections);
		const auto requests = _panel->requests();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), requests.size());
		CPPUNIT_ASSERT_EQUAL(std::string("/player_api.php"), requests[0].path);
		CPPUNIT_ASSERT_EQUAL(USER, requests[0].username);
		CPPUNIT_ASSERT_EQUAL(PASSWORD, requests[0].password);
		CPPUNIT_ASSERT_EQUAL(std::string("TestAgent/1.0"), requests[0].userAgent);
		CPPUNIT_ASSERT_EQUAL(std::string("application/json"), requests[0].accept);
	}

	void testCatalog()
	{
		_panel->route(CATEGORIES, ok(R"([{"category_id": "1", "category_name": "News"}, {"category_id": 2, "category_name": "Sport"}])"));
		_panel->route(STREAMS, ok(R"([{"num": 1, "name": "Télé 1", "stream_id": "101", "category_id": "1", "epg_channel_id": "t1.fr",
			"stream_icon": "http://logo.example/1.png"}, {"num": 2, "name": "Deux", "stream_id": 102, "category_id": 2}])"));
		const auto src = source();
		const auto categories = src->categories();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), categories.size());
		CPPUNIT_ASSERT_EQUAL(std::string("Sport"), categories[1].name);
		const auto channels = src->channels();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), channels.size());
		CPPUNIT_ASSERT_EQUAL(std::string("Télé 1"), channels[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string("http://logo.example/1.png"), channels[0].icon);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(102), channels[1].streamId);
		CPPUNIT_ASSERT_EQUAL(std::string("get_live_streams"), _panel->requests().back().action);
	}

	void testLargeCatalog()
	{
		CatalogGenerator::Options options;
		options.channels = 50000;
		_panel->route(STREAMS, ok(CatalogGenerator::liveStreams(options)));
		const Poco::Timestamp started;
		const auto channels = source()->channels();
		const Poco::Timestamp::TimeDiff took = started.elapsed();
		CPPUNIT_ASSERT_EQUAL(std::size_t(50000), channels.size());
		CPPUNIT_ASSERT_EQUAL(CatalogGenerator::name(49999), channels[49999].name);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(took / 1000) + " ms", took < 30000000);
		CPPUNIT_ASSERT(_context->log().find("get_live_streams: 50000 channels from") != std::string::npos);
	}

	void testAccountCheckIsReused()
	{
		_panel->route(STREAMS, ok("[]"));
		const auto src = source();
		src->channels();
		src->channels();
		src->resolve(101);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), _panel->count(""));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), _panel->count("get_live_streams"));
		src->account();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), _panel->count(""));
	}

	void testExpiredAccountShownButNotUsed()
	{
		_panel->route(ACCOUNT, ok(FakePanel::accountJson("Expired")));
		_panel->route(STREAMS, ok("[]"));
		const auto src = source();
		CPPUNIT_ASSERT_EQUAL(std::string("Expired"), src->account().status);
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { src->channels(); }));
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { src->categories(); }));
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { src->resolve(101); }));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), _panel->count("get_live_streams"));
	}

	void testBannedAccount()
	{
		_panel->route(ACCOUNT, ok(FakePanel::accountJson("Banned")));
		const auto src = source();
		CPPUNIT_ASSERT_EQUAL(std::string("Banned"), src->account().status);
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountDisabled, kindOf([&]() { src->channels(); }));
	}

	void testLoginRefusedByStatus()
	{
		for (int code : {401, 403})
		{
			_panel->route(ACCOUNT, status(code, "<html>Forbidden</html>"));
			std::string message;
			CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { source()->account(); }, &message));
			CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 refused the login (check username and password)"), message);
		}
	}

	void testLoginRefusedByAuthZero()
	{
		_panel->route(ACCOUNT, ok(R"({"user_info": {"auth": 0}})"));
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { source()->channels(); }));
	}

	void testHtmlAnswer()
	{
		_panel->route(ACCOUNT, ok("<!DOCTYPE html><html><body>It works!</body></html>"));
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { source()->account(); }, &message));
		CPPUNIT_ASSERT(message.find("HTML page") != std::string::npos);
	}

	void testServerError()
	{
		_panel->route(ACCOUNT, status(503, "busy"));
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() { source()->account(); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 answered HTTP 503 Service Unavailable"), message);
	}

	void testNotFoundStatus()
	{
		_panel->route(ACCOUNT, status(404, "not here"));
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() { source()->account(); }, &message));
		CPPUNIT_ASSERT(message.find("HTTP 404") != std::string::npos);
	}

	void testTimeout()
	{
		CannedAnswer slow = ok(FakePanel::accountJson());
		slow.delayMs = 5000;
		_panel->route(ACCOUNT, slow);
		XtreamSettings settings = defaultSettings();
		settings.timeout = Poco::Timespan(1, 0);
		const Poco::Timestamp started;
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::Timeout, kindOf([&]() { source(settings)->account(); }, &message));
		CPPUNIT_ASSERT(started.elapsed() < 3000000);
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 did not answer within 1 s"), message);
	}

	void testDrippingAnswerHitsCallTimeout()
	{
		CannedAnswer drip = ok(std::string(2000, ' ') + "[]");
		drip.dripChunks = 20;
		drip.dripIntervalMs = 200;
		_panel->route(ACCOUNT, drip);
		ProviderClient::Options options;
		options.timeout = Poco::Timespan(1, 0);
		options.callTimeout = Poco::Timespan(1, 0);
		const ProviderClient client(*_context, options, tls());
		const Poco::Timestamp started;
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::Timeout, kindOf([&]() { client.get(Poco::URI(_panel->url() + ACCOUNT)); }, &message));
		CPPUNIT_ASSERT(started.elapsed() < 3000000);
		CPPUNIT_ASSERT(message.find("did not send its whole answer within 1 s") != std::string::npos);
	}

	void testTwoRedirectsFollowed()
	{
		_panel->route(ACCOUNT, redirect(_panel->url() + "/hop1"));
		_panel->route("/hop1", redirect("/hop2?username=x&password=y"));
		_panel->route("/hop2", ok(FakePanel::accountJson()));
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), source()->account().status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), _panel->requests().size());
		CPPUNIT_ASSERT_EQUAL(std::string("TestAgent/1.0"), _panel->requests().back().userAgent);
	}

	void testThreeRedirectsRefused()
	{
		_panel->route(ACCOUNT, redirect("/hop1"));
		_panel->route("/hop1", redirect("/hop2"));
		_panel->route("/hop2", redirect("/hop3"));
		_panel->route("/hop3", ok(FakePanel::accountJson()));
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() { source()->account(); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 redirected more than 2 times"), message);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), _panel->requests().size());
	}

	void testRedirectToOtherScheme()
	{
		_panel->route(ACCOUNT, redirect("ftp://127.0.0.1/file"));
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() { source()->account(); }));
	}

	void testUnreachable()
	{
		const unsigned short port = closedPort();
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::Unreachable,
			kindOf([&]() { source(defaultSettings(), "http://127.0.0.1:" + std::to_string(port))->account(); }, &message));
		CPPUNIT_ASSERT_EQUAL("cannot reach the provider at 127.0.0.1:" + std::to_string(port) + ": connection refused", message);
	}

	void testUnknownHost()
	{
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::Unreachable,
			kindOf([&]() { source(defaultSettings(), "http://no-such-panel.invalid:8080")->account(); }, &message));
		CPPUNIT_ASSERT_MESSAGE(message, message.find("cannot reach the provider at no-such-panel.invalid:8080: ") == 0);
	}

	void testTlsToPlainServer()
	{
		// a plain-text server that answers at once: an HTTP server would wait for a request line
		// that the random bytes of a ClientHello may never complete, making the result a timeout
		Poco::Net::ServerSocket plain(Poco::Net::SocketAddress("127.0.0.1", 0));
		std::thread answer([&plain] {
			try
			{
				if (!plain.poll(Poco::Timespan(20, 0), Poco::Net::Socket::SELECT_READ)) return;
				Poco::Net::StreamSocket client = plain.acceptConnection();
				const std::string text = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
				client.sendBytes(text.data(), static_cast<int>(text.size()));
				client.shutdown();
			}
			catch (const Poco::Exception&)
			{
				// the client gave up first: it has its answer already
			}
		});
		std::string message;
		const SourceException::Kind kind =
			kindOf([&]() { source(defaultSettings(), "https://127.0.0.1:" + std::to_string(plain.address().port()))->account(); }, &message);
		answer.join();
		CPPUNIT_ASSERT_EQUAL(SourceException::Unreachable, kind);
		CPPUNIT_ASSERT_MESSAGE(message, message.find("TLS failed") != std::string::npos);
	}

	void testUntrustedCertificateRefused()
	{
		FakePanel https(true);
		https.route(ACCOUNT, ok(FakePanel::accountJson()));
		const auto source = startPlugin(https.url(), "true");
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::Unreachable, kindOf([&]() { source->account(); }, &message));
		CPPUNIT_ASSERT_MESSAGE(message, message.find("cannot reach the provider at 127.0.0.1:" + std::to_string(https.port()) +
			": TLS failed") == 0);
		CPPUNIT_ASSERT(https.requests().empty());
	}

	void testUntrustedCertificateAcceptedWithoutVerification()
	{
		FakePanel https(true);
		https.route(ACCOUNT, ok(FakePanel::accountJson()));
		const auto source = startPlugin(https.url(), "false");
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), source->account().status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), https.requests().size());
	}

	void testAnswerTooLarge()
	{
		CannedAnswer huge = ok("[]");
		huge.contentLength = 100LL * 1024 * 1024;
		_panel->route(ACCOUNT, huge);
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() { source()->account(); }, &message));
		CPPUNIT_ASSERT(message.find("larger than 64 MiB") != std::string::npos);
	}

	void testAnswerCutShort()
	{
		CannedAnswer cut = ok(FakePanel::accountJson());
		cut.contentLength = static_cast<long long>(cut.body.size()) + 100;
		_panel->route(ACCOUNT, cut);
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() { source()->account(); }, &message));
		CPPUNIT_ASSERT(message.find("cut short") != std::string::npos);
	}

	void testResolveTs()
	{
		const SourceInput input = source()->resolve(101);
		CPPUNIT_ASSERT_EQUAL(_panel->url() + "/live/alice%20user%2B1/p%40ss%2Fw%26rd%20%C3%A9/101.ts", input.url);
		CPPUNIT_ASSERT_EQUAL(std::string("mpegts"), input.format);
		CPPUNIT_ASSERT_EQUAL(std::string("TestAgent/1.0"), input.headers.at("User-Agent"));
	}

	void testResolveHlsWhenOnlyM3u8Allowed()
	{
		_panel->route(ACCOUNT, ok(FakePanel::accountJson("Active", "[\"m3u8\"]")));
		const SourceInput input = source()->resolve(7);
		CPPUNIT_ASSERT(Poco::endsWith(input.url, std::string("/7.m3u8")));
		CPPUNIT_ASSERT_EQUAL(std::string("hls"), input.format);
	}

	void testResolveHlsBySetting()
	{
		XtreamSettings settings = defaultSettings();
		settings.hls = true;
		const SourceInput input = source(settings)->resolve(7);
		CPPUNIT_ASSERT(Poco::endsWith(input.url, std::string("/7.m3u8")));
		CPPUNIT_ASSERT_EQUAL(std::string("hls"), input.format);
	}

	void testResolveRefusesBadIds()
	{
		const auto src = source();
		CPPUNIT_ASSERT_EQUAL(SourceException::NotFound, kindOf([&]() { src->resolve(0); }));
		CPPUNIT_ASSERT_EQUAL(SourceException::NotFound, kindOf([&]() { src->resolve(-3); }));
		CPPUNIT_ASSERT(_panel->requests().empty());
	}

	void testLogosWithCredentialsDropped()
	{
		_panel->route(STREAMS, ok(R"([{"stream_id": 1, "name": "a", "stream_icon": "http://panel/images/p@ss%2Fw%26rd%20%C3%A9/1.png"},
			{"stream_id": 2, "name": "b", "stream_icon": "http://logo.example/2.png"}])"));
		const auto channels = source()->channels();
		CPPUNIT_ASSERT_EQUAL(std::string(""), channels[0].icon);
		CPPUNIT_ASSERT_EQUAL(std::string("http://logo.example/2.png"), channels[1].icon);
	}

	void testLogsAndMessagesCarryNoCredentials()
	{
		_panel->route(STREAMS, redirect("/elsewhere?username=" + USER));
		_panel->route("/elsewhere", status(500, PASSWORD));
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() { source()->channels(); }, &message));
		const std::string log = _context->log();
		CPPUNIT_ASSERT(log.find("GET http://127.0.0.1:") != std::string::npos);
		CPPUNIT_ASSERT(log.find(" ms") != std::string::npos);
		for (const std::string& text : {message, log})
		{
			CPPUNIT_ASSERT_MESSAGE(text, text.find("alice") == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(text, text.find("p%40ss") == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(text, text.find("p@ss") == std::string::npos);
		}
	}

private:
	static XtreamSettings defaultSettings()
	{
		XtreamSettings settings;
		settings.username = USER;
		settings.password = PASSWORD;
		settings.userAgent = "TestAgent/1.0";
		settings.timeout = Poco::Timespan(5, 0);
		return settings;
	}

	static Poco::Net::Context::Ptr tls()
	{
		Poco::Net::Context::Params params;
		params.loadDefaultCAs = true;
		return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
	}

	std::shared_ptr<XtreamSource> source(const XtreamSettings& settings = defaultSettings(), const std::string& url = "")
	{
		return std::make_shared<XtreamSource>(*_context, ServerAddress(url.empty() ? _panel->url() : url), settings, tls());
	}

	std::shared_ptr<Source> startPlugin(const std::string& url, const std::string& tlsVerify)
		/// Starts an XtreamPlugin on _context, which keeps the source it registered.
	{
		_context->set("url", url);
		_context->set("username", USER);
		_context->set("password", PASSWORD);
		_context->set("timeout", "5");
		_context->set("outputFormat", "ts");
		_context->set("tlsVerify", tlsVerify);
		_context->set("userAgent", "TestAgent/1.0");
		XtreamPlugin plugin;
		plugin.start(*_context);
		return _context->registry().find<Source>("source-xtream");
	}

	static SourceException::Kind kindOf(const std::function<void()>& call, std::string* message = nullptr)
	{
		try
		{
			call();
		}
		catch (const SourceException& exc)
		{
			if (message) *message = exc.message();
			return exc.kind();
		}
		CPPUNIT_FAIL("no SourceException");
		return SourceException::NotConfigured;
	}

	std::unique_ptr<FakePanel> _panel;
	std::unique_ptr<TestContext> _context;
};

CPPUNIT_TEST_SUITE_REGISTRATION(XtreamHttpTest);
