//
// LogoApiTest.cpp
//
// GET /channels/{stream_id}/logo end to end: a real host with auth-jwt and
// source-xtream against the fake Xtream provider, whose channels' logos are
// a PNG on its own host (101, 105), an "SVG" and an oversized body it
// answers as image/png (103, 106), and one on another host (102): a second
// fake provider reached as localhost, which must never be asked.
//

#include "SignedInHost.h"
#include "TextSearch.h"
#include "fakeprovider/FakeProvider.h"
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using restream::test::HttpResult;
using restream::test::SignedInHost;
using restream::test::contains;

namespace {

const int PNG_HERE = fakeprovider::FakeProvider::CHANNEL_SD;
const int ELSEWHERE = fakeprovider::FakeProvider::CHANNEL_MP2;
const int SVG = fakeprovider::FakeProvider::CHANNEL_HD;
const int NO_LOGO = fakeprovider::FakeProvider::CHANNEL_MULTI_AUDIO;
const int OVERSIZED = fakeprovider::FakeProvider::CHANNEL_OFFLINE;

std::string logoPath(int streamId)
{
	return "/channels/" + std::to_string(streamId) + "/logo";
}

} // namespace

class LogoApiTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LogoApiTest);
	CPPUNIT_TEST(testProviderLogoServedAndCached);
	CPPUNIT_TEST(testLogoOnAnotherHostIsNeverFetched);
	CPPUNIT_TEST(testLogoHostsLetsAnotherHostIn);
	CPPUNIT_TEST(testSvgAndOversizedAreRefusedAndRemembered);
	CPPUNIT_TEST(testUnknownChannelAndNoLogoAre404);
	CPPUNIT_TEST(testBadIdsAre400);
	CPPUNIT_TEST(testTokenRequired);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_elsewhere.reset(new fakeprovider::FakeProvider);
		_elsewhere->start();
		fakeprovider::ProviderOptions options;
		options.logoUrls[ELSEWHERE] = "http://localhost:" + std::to_string(_elsewhere->port()) + "/logos/" + std::to_string(ELSEWHERE) + ".png";
		options.logoBodies[SVG] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
		options.logoBodies[OVERSIZED] = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300 * 1024, '\0');
		_provider.reset(new fakeprovider::FakeProvider(options));
		_provider->start();
	}

	void tearDown() override
	{
		_host.reset();
		_provider.reset();
		_elsewhere.reset();
	}

	void testProviderLogoServedAndCached()
	{
		startHost();
		const HttpResult first = get(logoPath(PNG_HERE));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(first.body, 200, first.status);
		CPPUNIT_ASSERT_EQUAL(std::string("image/png"), first.headers.get("Content-Type", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("private, max-age=86400"), first.headers.get("Cache-Control", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), first.headers.get("X-Content-Type-Options", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("default-src 'none'; sandbox"), first.headers.get("Content-Security-Policy", ""));
		const HttpResult second = get(logoPath(PNG_HERE));
		CPPUNIT_ASSERT_EQUAL(200, second.status);
		CPPUNIT_ASSERT_EQUAL(first.body, second.body);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("two calls, one fetch", Poco::UInt64(1), _provider->stats().logoRequests);
		CPPUNIT_ASSERT_EQUAL(providerLogo(PNG_HERE), first.body);
	}

	void testLogoOnAnotherHostIsNeverFetched()
	{
		startHost();
		const HttpResult refused = get(logoPath(ELSEWHERE));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 404, refused.status);
		CPPUNIT_ASSERT_MESSAGE(refused.body, contains(refused.body, "\"detail\":\"The logo of the channel 102 is not shown"));
		CPPUNIT_ASSERT_EQUAL(404, get(logoPath(ELSEWHERE)).status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("the other host was never asked", Poco::UInt64(0), _elsewhere->stats().logoRequests);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().logoRequests);
		const std::string log = _host->log();
		CPPUNIT_ASSERT_MESSAGE(log, !contains(log, "/logos/102.png"));
	}

	void testLogoHostsLetsAnotherHostIn()
	{
		// the same logo with its host listed: fetched (so the test above does refuse a logo that would load)
		startHost({{"catalog.logoHosts", "logos.example.org, LocalHost"}});
		const HttpResult fetched = get(logoPath(ELSEWHERE));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(fetched.body, 200, fetched.status);
		CPPUNIT_ASSERT_EQUAL(std::string("image/png"), fetched.headers.get("Content-Type", ""));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _elsewhere->stats().logoRequests);
	}

	void testSvgAndOversizedAreRefusedAndRemembered()
	{
		startHost();
		for (const int streamId : {SVG, OVERSIZED})
		{
			for (int call = 0; call < 2; ++call)
			{
				const HttpResult refused = get(logoPath(streamId));
				CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 404, refused.status);
				CPPUNIT_ASSERT(contains(refused.headers.get("Content-Type", ""), "application/json"));
			}
		}
		CPPUNIT_ASSERT_EQUAL_MESSAGE("each fetched once: the failures are remembered", Poco::UInt64(2), _provider->stats().logoRequests);
		const std::string log = _host->log();
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "is not a PNG, JPEG, GIF or WebP image"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "larger than 256 KiB"));
	}

	void testUnknownChannelAndNoLogoAre404()
	{
		startHost();
		const HttpResult unknown = get(logoPath(999));
		CPPUNIT_ASSERT_EQUAL(404, unknown.status);
		CPPUNIT_ASSERT_MESSAGE(unknown.body, contains(unknown.body, "No channel 999 in the catalog"));
		const HttpResult none = get(logoPath(NO_LOGO));
		CPPUNIT_ASSERT_EQUAL(404, none.status);
		CPPUNIT_ASSERT_MESSAGE(none.body, contains(none.body, "has no logo"));
		for (const char* other : {"/channels/101", "/channels/101/logo/x", "/channels/101/logos", "/channels/"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(other, 404, get(other).status);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().logoRequests);
	}

	void testBadIdsAre400()
	{
		startHost();
		for (const char* id : {"abc", "-1", "0", "99999999999999999999", "9007199254740992", "1.5", "1e3", "0101", "", "%31%30%31x", "101%2F"})
		{
			const HttpResult result = get(std::string("/channels/") + id + "/logo");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(id, 400, result.status);
			CPPUNIT_ASSERT_MESSAGE(id, contains(result.body, "\"detail\""));
		}
		CPPUNIT_ASSERT_EQUAL(200, get("/channels/%31%30%31/logo").status); // "101", percent-encoded
	}

	void testTokenRequired()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(401, _host->request("GET", "api", logoPath(PNG_HERE)).status);
		CPPUNIT_ASSERT_EQUAL(401, _host->request("GET", "api", logoPath(PNG_HERE), "", {{"Authorization", "Bearer not.a.token"}}).status);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().logoRequests);
	}

private:
	void startHost(std::map<std::string, std::string> settings = {})
	{
		settings.emplace("plugins.load", "auth-jwt, source-xtream");
		_host.reset(new SignedInHost(SignedInHost::withXtream(
			settings, _provider->baseUrl(), _provider->options().username, _provider->options().password)));
	}

	HttpResult get(const std::string& path)
	{
		return _host->request("GET", "api", path, "", _host->bearer());
	}

	std::string providerLogo(int streamId)
		/// The logo as the provider serves it.
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", _provider->port());
		Poco::Net::HTTPRequest request("GET", "/logos/" + std::to_string(streamId) + ".png");
		session.sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::string body;
		Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
		return body;
	}

	std::unique_ptr<fakeprovider::FakeProvider> _elsewhere; // another host: an address the provider must not send restream to
	std::unique_ptr<fakeprovider::FakeProvider> _provider;
	std::unique_ptr<SignedInHost> _host;
};

CPPUNIT_TEST_SUITE_REGISTRATION(LogoApiTest);
