//
// PlayerHttpTest.cpp
//
// The player port served by the real ui-player.so behind the host's
// router: the page in both languages with its security headers, the API URL
// it points at (the host's URL of the API port: public.apiUrl, or the
// page's host name with the API's bound port), its embedded files with
// validators, and what it and the host refuse. The routes' logic is
// PlayerUnitTest.
//

#include "HostFixture.h"
#include "TextSearch.h"
#include <Poco/RegularExpression.h>
#include <cppunit/extensions/HelperMacros.h>

using restream::test::HostFixture;
using restream::test::HttpResult;
using restream::test::contains;

namespace {

std::map<std::string, std::string> playerSettings(std::map<std::string, std::string> extra = {})
{
	extra.emplace("plugins.load", "ui-player");
	return extra;
}

std::string capture(const std::string& text, const std::string& pattern)
{
	Poco::RegularExpression expression(pattern);
	std::vector<std::string> groups;
	expression.split(text, groups);
	return groups.size() > 1 ? groups[1] : "";
}

} // namespace

class PlayerHttpTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PlayerHttpTest);
	CPPUNIT_TEST(testPageInTheViewersLanguage);
	CPPUNIT_TEST(testSecurityHeaders);
	CPPUNIT_TEST(testConfiguredApiUrl);
	CPPUNIT_TEST(testApiUrlDerivedFromHost);
	CPPUNIT_TEST(testMalformedHostRefused);
	CPPUNIT_TEST(testAssetsVersionedAndRevalidated);
	CPPUNIT_TEST(testOnlyEmbeddedFilesAndReadMethods);
	CPPUNIT_TEST(testUnsafeFrameAncestorsStopThePlugin);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPageInTheViewersLanguage()
	{
		HostFixture host(playerSettings());
		const HttpResult french = host.request("GET", "player", "/", "", {{"Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5"}});
		CPPUNIT_ASSERT_EQUAL(200, french.status);
		CPPUNIT_ASSERT(contains(french.body, "<html lang=\"fr\">"));
		CPPUNIT_ASSERT(contains(french.body, "Aucun stream actif"));
		CPPUNIT_ASSERT_EQUAL(std::string("fr"), french.headers.get("Content-Language", ""));
		CPPUNIT_ASSERT(contains(french.headers.get("Vary", ""), "Accept-Language"));

		const HttpResult english = host.request("GET", "player", "/", "", {{"Accept-Language", "de, en;q=0.8"}});
		CPPUNIT_ASSERT(contains(english.body, "<html lang=\"en\">"));
		CPPUNIT_ASSERT(contains(english.body, "No active stream"));
		CPPUNIT_ASSERT(!contains(english.body, "{{"));
	}

	void testSecurityHeaders()
	{
		HostFixture host(playerSettings());
		const HttpResult page = host.request("GET", "player", "/");
		const std::string csp = page.headers.get("Content-Security-Policy", "");
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "default-src 'none'"));
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "script-src 'self';"));
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "worker-src 'self' blob:"));
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "frame-ancestors 'self'"));
		CPPUNIT_ASSERT_MESSAGE(csp, !contains(csp, "unsafe"));
		CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), page.headers.get("X-Content-Type-Options", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("no-referrer"), page.headers.get("Referrer-Policy", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("no-cache"), page.headers.get("Cache-Control", ""));
		CPPUNIT_ASSERT(!Poco::RegularExpression("<script(?![^>]*\\bsrc=)").match(page.body));
	}

	void testConfiguredApiUrl()
	{
		HostFixture host(playerSettings({{"public.apiUrl", "https://api.example.org/"}}));
		const HttpResult page = host.request("GET", "player", "/");
		CPPUNIT_ASSERT(contains(page.body, "<meta name=\"restream-api\" content=\"https://api.example.org\">"));
		const std::string csp = page.headers.get("Content-Security-Policy", "");
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "connect-src 'self' https://api.example.org;"));
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "media-src 'self' blob: https://api.example.org;"));

		HostFixture own(playerSettings({{"public.apiUrl", "https://api.example.org"},
			{"plugins.ui-player.apiUrl", "http://10.0.0.2:9000/"}}));
		const HttpResult overridden = own.request("GET", "player", "/");
		CPPUNIT_ASSERT(contains(overridden.body, "content=\"http://10.0.0.2:9000\""));
		CPPUNIT_ASSERT(contains(overridden.headers.get("Content-Security-Policy", ""), "connect-src 'self' http://10.0.0.2:9000;"));
	}

	void testApiUrlDerivedFromHost()
	{
		// one place says the API's port: the page follows http.api.port (here ephemeral, bound by the host)
		HostFixture host(playerSettings());
		const std::string api = std::to_string(host.port("api"));
		const HttpResult page = host.request("GET", "player", "/", "", {{"Host", "tv.lan:8003"}});
		CPPUNIT_ASSERT_MESSAGE(page.body, contains(page.body, "content=\"http://tv.lan:" + api + "\""));
		CPPUNIT_ASSERT(contains(page.headers.get("Content-Security-Policy", ""), "connect-src 'self' http://tv.lan:" + api + ";"));
		const HttpResult ipv6 = host.request("GET", "player", "/", "", {{"Host", "[fd00::2]:8003"}});
		CPPUNIT_ASSERT_MESSAGE(ipv6.body, contains(ipv6.body, "content=\"http://[fd00::2]:" + api + "\""));
	}

	void testMalformedHostRefused()
	{
		HostFixture host(playerSettings());
		for (const std::string hostHeader : {"evil\"><script>alert(1)</script>", "a b", "x;y", ""})
		{
			const HttpResult page = host.request("GET", "player", "/", "", {{"Host", hostHeader}});
			CPPUNIT_ASSERT_EQUAL_MESSAGE(hostHeader, 400, page.status);
			CPPUNIT_ASSERT(!contains(page.body, "<script>"));
		}
	}

	void testAssetsVersionedAndRevalidated()
	{
		HostFixture host(playerSettings());
		const HttpResult page = host.request("GET", "player", "/");
		const std::string script = capture(page.body, "<script src=\"([^\"]+)\"");
		CPPUNIT_ASSERT_MESSAGE(page.body, contains(script, "/assets/player.js?v="));

		const HttpResult versioned = host.request("GET", "player", script);
		CPPUNIT_ASSERT_EQUAL(200, versioned.status);
		CPPUNIT_ASSERT(contains(versioned.headers.get("Content-Type", ""), "text/javascript"));
		CPPUNIT_ASSERT(contains(versioned.headers.get("Cache-Control", ""), "immutable"));
		CPPUNIT_ASSERT(versioned.body.size() > 100000); // hls.js is in the bundle
		const std::string etag = versioned.headers.get("ETag", "");
		CPPUNIT_ASSERT_EQUAL(etag, "\"" + script.substr(script.find("?v=") + 3) + "\"");

		const HttpResult otherVersion = host.request("GET", "player", "/assets/player.js?v=0123456789abcdef");
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=300"), otherVersion.headers.get("Cache-Control", ""));
		const HttpResult plain = host.request("GET", "player", "/assets/player.js");
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=300"), plain.headers.get("Cache-Control", ""));
		const HttpResult revalidated = host.request("GET", "player", "/assets/player.js", "", {{"If-None-Match", etag}});
		CPPUNIT_ASSERT_EQUAL(304, revalidated.status);
		CPPUNIT_ASSERT(revalidated.body.empty());
		const HttpResult head = host.request("HEAD", "player", "/assets/player.css");
		CPPUNIT_ASSERT_EQUAL(200, head.status);
		CPPUNIT_ASSERT(head.body.empty());
		CPPUNIT_ASSERT(std::stoul(head.headers.get("Content-Length", "0")) > 0);
	}

	void testOnlyEmbeddedFilesAndReadMethods()
	{
		HostFixture host(playerSettings());
		for (const std::string path : {"/strings.json", "/index.html", "/assets/../assets/player.js", "/assets/player.js/",
				 "/%2e%2e/etc/passwd", "/assets/"})
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, host.request("GET", "player", path).status);
		}
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "player", "/favicon.svg").status);
		const HttpResult post = host.request("POST", "player", "/", "{}");
		CPPUNIT_ASSERT_EQUAL(405, post.status);
		CPPUNIT_ASSERT_EQUAL(std::string("GET, HEAD, OPTIONS"), post.headers.get("Allow", ""));
	}

	void testUnsafeFrameAncestorsStopThePlugin()
	{
		// a ';' would add directives to the page's CSP: the plugin refuses to start, the host runs on without it
		HostFixture host(playerSettings({{"plugins.ui-player.frameAncestors", "'self'; script-src *"}}));
		CPPUNIT_ASSERT_MESSAGE(host.log(), contains(host.log(), "frameAncestors"));
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "player", "/").status);
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "player", "/health").status);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(PlayerHttpTest);
