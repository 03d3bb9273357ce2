//
// XtreamHttpTest.cpp
//
// source-xtream over real HTTP: the plugin's start(), and XtreamSource and
// ProviderClient against the fake provider (tests/fake-provider) on
// 127.0.0.1: the catalog, channel numbers, account states, wrong logins,
// answers that are no panel's, timeouts, the answer bounds, resolve() and
// credentials kept out of logs and messages. TLS is checked against an
// inline socket: the fake provider has no https.
//

#include "PluginTestContext.h"
#include "ProviderClient.h"
#include "ServerAddress.h"
#include "XtreamPlugin.h"
#include "XtreamSettings.h"
#include "XtreamSource.h"
#include "fakeprovider/FakeProvider.h"
#include "restream/SourceException.h"
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>

using fakeprovider::ApiMode;
using fakeprovider::FakeProvider;
using fakeprovider::ProviderOptions;
using restream::Setting;
using restream::Source;
using restream::SourceException;
using restream::SourceInput;
using restream::test::PluginTestContext;
using sourcextream::ProviderClient;
using sourcextream::ServerAddress;
using sourcextream::XtreamPlugin;
using sourcextream::XtreamSettings;
using sourcextream::XtreamSource;

namespace {

const std::string USER = "alice user+1";
const std::string PASSWORD = "p@ss w&rd é";
const std::string AGENT = "TestAgent/1.0";

unsigned short closedPort()
{
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	const unsigned short port = socket.address().port();
	socket.close();
	return port;
}

void answerOnce(Poco::Net::ServerSocket& server, const std::string& reply)
	/// Accepts one connection (TLS when server is a SecureServerSocket), reads
	/// what comes in one go and sends reply: a transport for the TLS cases,
	/// no panel. Gives up after 20 s or when the client gives up first.
{
	try
	{
		if (!server.poll(Poco::Timespan(20, 0), Poco::Net::Socket::SELECT_READ)) return;
		Poco::Net::StreamSocket client = server.acceptConnection();
		client.setReceiveTimeout(Poco::Timespan(5, 0));
		char request[4096];
		client.receiveBytes(request, sizeof(request));
		client.sendBytes(reply.data(), static_cast<int>(reply.size()));
		client.shutdown();
	}
	catch (const Poco::Exception&)
	{
		// the client refused the handshake or went away: it has its answer already
	}
}

Poco::Net::Context::Ptr serverTls()
	/// The self-signed certificate of data/ (localhost, 127.0.0.1), which no CA trusts.
{
	Poco::Net::Context::Params params;
	params.certificateFile = XTREAM_TEST_DATA_DIR "/selfsigned-cert.pem";
	params.privateKeyFile = XTREAM_TEST_DATA_DIR "/selfsigned-key.pem";
	params.verificationMode = Poco::Net::Context::VERIFY_NONE;
	return new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
}

} // namespace

class XtreamHttpTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(XtreamHttpTest);
	CPPUNIT_TEST(testSettingsAreTyped);
	CPPUNIT_TEST(testStartWithoutUrlRegistersNothing);
	CPPUNIT_TEST(testStartWithoutCredentialsThrows);
	CPPUNIT_TEST(testStartRefusesBadSettings);
	CPPUNIT_TEST(testStartRefusesCredentialsInUrlPath);
	CPPUNIT_TEST(testStartIsFastWithProviderDown);
	CPPUNIT_TEST(testStartedSourceWorks);
	CPPUNIT_TEST(testAccountRequest);
	CPPUNIT_TEST(testUserAgentSent);
	CPPUNIT_TEST(testCatalog);
	CPPUNIT_TEST(testNumbersAsJsonNumbers);
	CPPUNIT_TEST(testLargeCatalog);
	CPPUNIT_TEST(testAccountCheckIsReused);
	CPPUNIT_TEST(testExpiredAccountShownButNotUsed);
	CPPUNIT_TEST(testDisabledAndBannedAccounts);
	CPPUNIT_TEST(testLoginRefusedByStatus);
	CPPUNIT_TEST(testLoginRefusedByAuthZero);
	CPPUNIT_TEST(testHtmlAndTextAnswers);
	CPPUNIT_TEST(testNotFoundStatus);
	CPPUNIT_TEST(testTimeout);
	CPPUNIT_TEST(testDrippingAnswerHitsCallTimeout);
	CPPUNIT_TEST(testUnreachable);
	CPPUNIT_TEST(testUnknownHost);
	CPPUNIT_TEST(testTlsToPlainServer);
	CPPUNIT_TEST(testUntrustedCertificateRefused);
	CPPUNIT_TEST(testUntrustedCertificateAcceptedWithoutVerification);
	CPPUNIT_TEST(testAnswerTooLarge);
	CPPUNIT_TEST(testAnswerCutShort);
	CPPUNIT_TEST(testResolveTsPlays);
	CPPUNIT_TEST(testResolveHlsWhenOnlyM3u8Allowed);
	CPPUNIT_TEST(testResolveHlsBySetting);
	CPPUNIT_TEST(testResolveRefusesBadIds);
	CPPUNIT_TEST(testLogosWithCredentialsDropped);
	CPPUNIT_TEST(testLogsAndMessagesCarryNoCredentials);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_provider = makeProvider(ProviderOptions());
		_context.reset(new PluginTestContext("source-xtream"));
		// what the host does for the Secret settings username and password
		_context->addSecret(USER);
		_context->addSecret(PASSWORD);
	}

	void tearDown() override
	{
		_context.reset();
		_provider.reset();
	}

	// --- the plugin

	void testSettingsAreTyped()
	{
		// key -> type, legacy variable
		const std::map<std::string, std::pair<Setting::Type, std::string>> expected = {
			{"url", {Setting::Type::Url, "XTREAM_API_URL"}}, {"username", {Setting::Type::Secret, "XTREAM_USERNAME"}},
			{"password", {Setting::Type::Secret, "XTREAM_PASSWORD"}}, {"userAgent", {Setting::Type::Text, ""}},
			{"timeout", {Setting::Type::Integer, ""}}, {"outputFormat", {Setting::Type::Text, ""}},
			{"tlsVerify", {Setting::Type::Boolean, ""}}};
		const std::vector<Setting> settings = XtreamPlugin().settings();
		CPPUNIT_ASSERT_EQUAL(expected.size(), settings.size());
		for (const Setting& setting : settings)
		{
			const auto found = expected.find(setting.key);
			CPPUNIT_ASSERT_MESSAGE(setting.key, found != expected.end());
			CPPUNIT_ASSERT_MESSAGE(setting.key, found->second.first == setting.type);
			CPPUNIT_ASSERT_EQUAL(found->second.second, setting.legacyEnvironment);
			CPPUNIT_ASSERT_MESSAGE(setting.key, !setting.description.empty());
		}
		const auto timeout = std::find_if(settings.begin(), settings.end(), [](const Setting& s) { return s.key == "timeout"; });
		CPPUNIT_ASSERT_EQUAL(1.0, timeout->minimum);
		CPPUNIT_ASSERT_EQUAL(300.0, timeout->maximum);
		CPPUNIT_ASSERT_EQUAL(std::string("10"), timeout->defaultValue);
	}

	void testStartWithoutUrlRegistersNothing()
	{
		XtreamPlugin plugin;
		_context->declare(plugin.settings());
		plugin.start(*_context);
		CPPUNIT_ASSERT(_context->registry().all().empty());
		CPPUNIT_ASSERT(_context->log().find("No provider configured") != std::string::npos);
		plugin.stop();
	}

	void testStartWithoutCredentialsThrows()
	{
		XtreamPlugin plugin;
		_context->declare(plugin.settings());
		_context->set("url", _provider->baseUrl());
		_context->set("username", USER);
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
		// types and bounds are the host's; these are the plugin's own rules
		const std::vector<std::pair<std::string, std::string>> bad = {
			{"url", "ftp://panel.example.org"}, {"url", "http://"}, {"outputFormat", "rtmp"}, {"outputFormat", "TS "}};
		for (const auto& setting : bad)
		{
			PluginTestContext context("source-xtream");
			XtreamPlugin plugin;
			context.declare(plugin.settings());
			context.set("url", _provider->baseUrl());
			context.set("username", USER);
			context.set("password", PASSWORD);
			context.set(setting.first, setting.second);
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
		XtreamPlugin plugin;
		_context->declare(plugin.settings());
		_context->set("url", "http://panel.example.org/iptv/bob/hunter22/");
		_context->set("username", "bob");
		_context->set("password", "hunter22");
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
		std::cout << "\n  start() with the provider down: " << started.elapsed() / 1000 << " ms" << std::flush;
		CPPUNIT_ASSERT(source);
		CPPUNIT_ASSERT(source->displayName().find("127.0.0.1:") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(SourceException::Unreachable, kindOf([&]() { source->account(); }));
		CPPUNIT_ASSERT_EQUAL(0, static_cast<int>(_provider->stats().playerApiRequests));
	}

	void testStartedSourceWorks()
	{
		// the settings as the host hands them (defaults applied), a pasted player_api.php URL
		const auto source = startPlugin(_provider->baseUrl() + "/player_api.php?username=x&password=y", "true");
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), source->channels().size());
		CPPUNIT_ASSERT(_context->log().find("Xtream source for " + _provider->baseUrl() + " (streams as ts)") != std::string::npos);
	}

	// --- the source

	void testAccountRequest()
	{
		const auto account = source()->account();
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), account.status);
		CPPUNIT_ASSERT_EQUAL(1, account.maxConnections);
		CPPUNIT_ASSERT(account.hasExpiry);
		CPPUNIT_ASSERT(account.expiresAt > Poco::Timestamp().epochTime());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().playerApiRequests);
	}

	void testUserAgentSent()
	{
		_provider->setUserAgentRequired(AGENT);
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), source()->account().status);
		XtreamSettings other = defaultSettings();
		other.userAgent = "OtherPlayer/2";
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { source(other)->account(); })); // 403
	}

	void testCatalog()
	{
		const auto src = source();
		const auto categories = src->categories();
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), categories.size());
		CPPUNIT_ASSERT_EQUAL(std::string("1"), categories[0].id);
		CPPUNIT_ASSERT_EQUAL(std::string("Généralistes"), categories[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string("Sport & Divertissement"), categories[2].name);
		const auto channels = src->channels();
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), channels.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(FakeProvider::CHANNEL_SD), channels[0].streamId);
		CPPUNIT_ASSERT_EQUAL(std::string("France 2 Été"), channels[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string("1"), channels[0].number);
		CPPUNIT_ASSERT_EQUAL(std::string("1"), channels[0].categoryId);
		CPPUNIT_ASSERT_EQUAL(std::string("france2.fr"), channels[0].epgChannelId);
		CPPUNIT_ASSERT_EQUAL(_provider->baseUrl() + "/logos/101.png", channels[0].icon);
		CPPUNIT_ASSERT_EQUAL(std::string("Le \"Grand\" Journal & Co \xF0\x9F\x93\xBA"), channels[3].name);
		CPPUNIT_ASSERT_EQUAL(std::string(""), channels[3].icon);
		for (std::size_t i = 0; i < channels.size(); ++i) CPPUNIT_ASSERT_EQUAL(std::to_string(i + 1), channels[i].number);
	}

	void testNumbersAsJsonNumbers()
	{
		_provider->setApiMode(ApiMode::NUMBERS);
		const auto src = source();
		const auto account = src->account();
		CPPUNIT_ASSERT(!account.hasExpiry); // exp_date null
		CPPUNIT_ASSERT_EQUAL(1, account.maxConnections);
		const auto channels = src->channels();
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), channels.size());
		CPPUNIT_ASSERT_EQUAL(std::string("3"), channels[2].categoryId);
		CPPUNIT_ASSERT_EQUAL(std::string("6"), channels[5].number);
		CPPUNIT_ASSERT_EQUAL(std::string("3"), src->categories()[2].id);
	}

	void testLargeCatalog()
	{
		ProviderOptions options;
		options.channelCount = 50000;
		_provider = makeProvider(options);
		const Poco::Timestamp started;
		const auto channels = source()->channels();
		const Poco::Timestamp::TimeDiff took = started.elapsed();
		std::cout << "\n  get_live_streams, 50 006 channels fetched and parsed: " << took / 1000 << " ms" << std::flush;
		CPPUNIT_ASSERT_EQUAL(std::size_t(50006), channels.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(FakeProvider::FIRST_SYNTHETIC_CHANNEL + 49999), channels.back().streamId);
		CPPUNIT_ASSERT_EQUAL(std::string("50006"), channels.back().number);
		CPPUNIT_ASSERT(Poco::startsWith(channels.back().name, std::string("Chaîne n°50000 — ")));
		CPPUNIT_ASSERT(_context->log().find("get_live_streams: 50006 channels from") != std::string::npos);
	}

	void testAccountCheckIsReused()
	{
		const auto src = source();
		src->channels();
		src->channels();
		src->resolve(FakeProvider::CHANNEL_SD);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(3), _provider->stats().playerApiRequests); // one account, two lists
		src->account();
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(4), _provider->stats().playerApiRequests);
	}

	void testExpiredAccountShownButNotUsed()
	{
		_provider->setApiMode(ApiMode::EXPIRED);
		const auto src = source();
		CPPUNIT_ASSERT_EQUAL(std::string("Expired"), src->account().status);
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { src->channels(); }, &message));
		CPPUNIT_ASSERT_MESSAGE(message, message.find("expired on ") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { src->categories(); }));
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { src->resolve(FakeProvider::CHANNEL_SD); }));
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { src->openGuide(); }));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().playerApiRequests); // the account only
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().xmltvRequests);
	}

	void testDisabledAndBannedAccounts()
	{
		for (const auto& mode : {std::make_pair(ApiMode::DISABLED, "Disabled"), std::make_pair(ApiMode::BANNED, "Banned")})
		{
			_provider->setApiMode(mode.first);
			const auto src = source();
			CPPUNIT_ASSERT_EQUAL(std::string(mode.second), src->account().status);
			CPPUNIT_ASSERT_EQUAL(SourceException::AccountDisabled, kindOf([&]() { src->channels(); }));
		}
	}

	void testLoginRefusedByStatus()
	{
		// the fake provider refuses an unknown User-Agent with 403
		_provider->setUserAgentRequired("SomeOtherPlayer");
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { source()->account(); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 refused the login (check username and password)"), message);
	}

	void testLoginRefusedByAuthZero()
	{
		XtreamSettings wrong = defaultSettings();
		wrong.password = "not-the-password";
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { source(wrong)->channels(); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 refused the login (check username and password)"), message);
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { source(wrong)->openGuide(); }));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().xmltvRequests);
	}

	void testHtmlAndTextAnswers()
	{
		_provider->setApiMode(ApiMode::HTML);
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { source()->account(); }, &message));
		CPPUNIT_ASSERT_MESSAGE(message, message.find("HTML page") != std::string::npos);
		_provider->setApiMode(ApiMode::TEXT);
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { source()->channels(); }, &message));
		CPPUNIT_ASSERT_MESSAGE(message, message.find("the text \"blocked\"") != std::string::npos);
	}

	void testNotFoundStatus()
	{
		// a server address with a wrong base path
		std::string message;
		CPPUNIT_ASSERT_EQUAL(
			SourceException::ProviderError, kindOf([&]() { source(defaultSettings(), _provider->baseUrl() + "/iptv")->account(); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 answered HTTP 404 Not Found"), message);
	}

	void testTimeout()
	{
		_provider->setApiMode(ApiMode::SLOW);
		_provider->setApiDelay(Poco::Timespan(5, 0));
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
		_provider->setCatalogDrip(Poco::Timespan(0, 100000)); // a byte every 100 ms
		ProviderClient::Options options;
		options.timeout = Poco::Timespan(1, 0);
		options.callTimeout = Poco::Timespan(1, 0);
		const ProviderClient client(*_context, options, tls());
		const Poco::Timestamp started;
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::Timeout, kindOf([&]() { client.get(accountUrl()); }, &message));
		CPPUNIT_ASSERT(started.elapsed() < 3000000);
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 did not send its whole answer within 1 s"), message);
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
		std::thread server([&plain] { answerOnce(plain, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"); });
		std::string message;
		const SourceException::Kind kind =
			kindOf([&]() { source(defaultSettings(), "https://127.0.0.1:" + std::to_string(plain.address().port()))->account(); }, &message);
		server.join();
		CPPUNIT_ASSERT_EQUAL(SourceException::Unreachable, kind);
		CPPUNIT_ASSERT_MESSAGE(message, message.find("TLS failed") != std::string::npos);
	}

	void testUntrustedCertificateRefused()
	{
		Poco::Net::SecureServerSocket https(Poco::Net::SocketAddress("127.0.0.1", 0), 64, serverTls());
		std::thread server([&https] { answerOnce(https, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"); });
		const auto source = startPlugin("https://127.0.0.1:" + std::to_string(https.address().port()), "true");
		std::string message;
		const SourceException::Kind kind = kindOf([&]() { source->account(); }, &message);
		server.join();
		CPPUNIT_ASSERT_EQUAL(SourceException::Unreachable, kind);
		CPPUNIT_ASSERT_MESSAGE(
			message, message.find("cannot reach the provider at 127.0.0.1:" + std::to_string(https.address().port()) + ": TLS failed") == 0);
	}

	void testUntrustedCertificateAcceptedWithoutVerification()
	{
		// past the handshake, the server's answer is what the source reports
		Poco::Net::SecureServerSocket https(Poco::Net::SocketAddress("127.0.0.1", 0), 64, serverTls());
		std::thread server([&https] { answerOnce(https, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"); });
		const auto source = startPlugin("https://127.0.0.1:" + std::to_string(https.address().port()), "false");
		std::string message;
		const SourceException::Kind kind = kindOf([&]() { source->account(); }, &message);
		server.join();
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kind);
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 answered HTTP 503 Service Unavailable"), message);
		CPPUNIT_ASSERT(_context->log().find("TLS certificates not verified") != std::string::npos);
	}

	void testAnswerTooLarge()
	{
		ProviderOptions options;
		options.channelCount = 10000; // about 3 MB of get_live_streams, sent chunked
		_provider = makeProvider(options);
		ProviderClient::Options limits;
		limits.maxAnswerSize = 1024 * 1024;
		const ProviderClient client(*_context, limits, tls());
		Poco::URI streams = accountUrl();
		streams.addQueryParameter("action", "get_live_streams");
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() { client.get(streams); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the answer of the provider at 127.0.0.1 is larger than 1 MiB"), message);
		// told by Content-Length (the account answer has one): refused before reading
		limits.maxAnswerSize = 100;
		const ProviderClient strict(*_context, limits, tls());
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() { strict.get(accountUrl()); }, &message));
		CPPUNIT_ASSERT_MESSAGE(message, message.find("is larger than") != std::string::npos);
	}

	void testAnswerCutShort()
	{
		// the account answer announces its Content-Length, then drips; the provider stops half-way
		_provider->setCatalogDrip(Poco::Timespan(0, 50000));
		const ProviderClient client(*_context, ProviderClient::Options(), tls());
		const std::unique_ptr<sourcextream::ProviderResponse> response = client.open(accountUrl(), {});
		CPPUNIT_ASSERT_EQUAL(200, response->status());
		CPPUNIT_ASSERT(response->response().hasContentLength());
		_provider->stop();
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, kindOf([&]() {
			char buffer[4096];
			while (response->read(buffer, sizeof(buffer)) > 0)
			{
			}
		}, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the answer of the provider at 127.0.0.1 was cut short"), message);
	}

	void testResolveTsPlays()
	{
		const SourceInput input = source()->resolve(FakeProvider::CHANNEL_SMALL);
		CPPUNIT_ASSERT_EQUAL(_provider->baseUrl() + "/live/alice%20user%2B1/p%40ss%20w%26rd%20%C3%A9/105.ts", input.url);
		CPPUNIT_ASSERT_EQUAL(std::string("mpegts"), input.format);
		CPPUNIT_ASSERT_EQUAL(AGENT, input.headers.at("User-Agent"));
		// the fake provider decodes the credentials from the path and serves the stream
		const Poco::URI uri(input.url);
		Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
		session.setTimeout(Poco::Timespan(10, 0));
		Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
		request.set("User-Agent", input.headers.at("User-Agent"));
		session.sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::istream& body = session.receiveResponse(response);
		CPPUNIT_ASSERT_EQUAL(200, static_cast<int>(response.getStatus()));
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), response.getContentType());
		char packet[188 * 4];
		body.read(packet, sizeof(packet));
		CPPUNIT_ASSERT_EQUAL(std::streamsize(sizeof(packet)), body.gcount());
		CPPUNIT_ASSERT_EQUAL('\x47', packet[0]);
	}

	void testResolveHlsWhenOnlyM3u8Allowed()
	{
		ProviderOptions options;
		options.allowedOutputFormats = {"m3u8"};
		_provider = makeProvider(options);
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
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().playerApiRequests);
	}

	void testLogosWithCredentialsDropped()
	{
		// an account named "logos": every logo URL of this provider (/logos/ID.png) carries it
		ProviderOptions options;
		options.username = "logos";
		_provider = makeProvider(options);
		XtreamSettings settings = defaultSettings();
		settings.username = "logos";
		const auto channels = source(settings)->channels();
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), channels.size());
		for (const auto& channel : channels) CPPUNIT_ASSERT_EQUAL(std::string(""), channel.icon);
		CPPUNIT_ASSERT(_context->log().find("5 logos with credentials dropped") != std::string::npos);
	}

	void testLogsAndMessagesCarryNoCredentials()
	{
		const auto src = source();
		src->channels();
		src->resolve(FakeProvider::CHANNEL_SD);
		std::vector<std::string> texts;
		_provider->setApiMode(ApiMode::HTML);
		std::string message;
		kindOf([&]() { source()->account(); }, &message);
		texts.push_back(message);
		kindOf([&]() { source(defaultSettings(), _provider->baseUrl() + "/iptv")->account(); }, &message);
		texts.push_back(message);
		XtreamSettings wrong = defaultSettings();
		wrong.password = PASSWORD + "x";
		_provider->setApiMode(ApiMode::NORMAL);
		kindOf([&]() { source(wrong)->channels(); }, &message);
		texts.push_back(message);
		const std::string log = _context->redact(_context->log());
		CPPUNIT_ASSERT(log.find("GET http://127.0.0.1:") != std::string::npos);
		CPPUNIT_ASSERT(log.find("username=***&password=***") != std::string::npos);
		CPPUNIT_ASSERT(log.find(" ms") != std::string::npos);
		texts.push_back(log);
		texts.push_back(_context->log()); // as written, before the host's redaction
		for (const std::string& text : texts)
		{
			CPPUNIT_ASSERT_MESSAGE(text, text.find("alice") == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(text, text.find("p%40ss") == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(text, text.find("p@ss") == std::string::npos);
		}
	}

private:
	static std::unique_ptr<FakeProvider> makeProvider(ProviderOptions options)
	{
		if (options.username == ProviderOptions().username) options.username = USER;
		options.password = PASSWORD;
		auto provider = std::make_unique<FakeProvider>(options);
		provider->start();
		return provider;
	}

	static XtreamSettings defaultSettings()
	{
		XtreamSettings settings;
		settings.username = USER;
		settings.password = PASSWORD;
		settings.userAgent = AGENT;
		settings.timeout = Poco::Timespan(5, 0);
		return settings;
	}

	static Poco::Net::Context::Ptr tls()
	{
		Poco::Net::Context::Params params;
		params.loadDefaultCAs = true;
		return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
	}

	Poco::URI accountUrl() const
	{
		Poco::URI uri(_provider->baseUrl() + "/player_api.php");
		uri.addQueryParameter("username", USER);
		uri.addQueryParameter("password", PASSWORD);
		return uri;
	}

	std::shared_ptr<XtreamSource> source(const XtreamSettings& settings = defaultSettings(), const std::string& url = "")
	{
		return std::make_shared<XtreamSource>(*_context, ServerAddress(url.empty() ? _provider->baseUrl() : url), settings, tls());
	}

	std::shared_ptr<Source> startPlugin(const std::string& url, const std::string& tlsVerify)
		/// Starts an XtreamPlugin on _context, which keeps the source it registered.
	{
		XtreamPlugin plugin;
		_context->declare(plugin.settings());
		_context->set("url", url);
		_context->set("username", USER);
		_context->set("password", PASSWORD);
		_context->set("timeout", "5");
		_context->set("tlsVerify", tlsVerify);
		_context->set("userAgent", AGENT);
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

	std::unique_ptr<FakeProvider> _provider;
	std::unique_ptr<PluginTestContext> _context;
};

CPPUNIT_TEST_SUITE_REGISTRATION(XtreamHttpTest);
