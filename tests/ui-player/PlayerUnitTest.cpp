//
// PlayerUnitTest.cpp
//
// The ui-player plugin's routes (PlayerRoutes), called as the host's router
// calls them (RouteTester): the page in both languages with its security
// headers, the API URL it points at (the setting, else the API port's
// public URL), a Host that cannot make one, the embedded files.
//

#include "PlayerPage.h"
#include "PlayerPlugin.h"
#include "PluginTestContext.h"
#include "PlayerRoutes.h"
#include "RouteTester.h"
#include <Poco/RegularExpression.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

using restream::test::RouteAnswer;
using restream::test::RouteTester;
using uiplayer::PlayerPage;

namespace {

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

std::string capture(const std::string& text, const std::string& pattern)
{
	Poco::RegularExpression expression(pattern);
	std::vector<std::string> groups;
	expression.split(text, groups);
	return groups.size() > 1 ? groups[1] : "";
}

uiplayer::PlayerPage::ApiPortUrl apiPort(std::string publicUrl = "", int port = 18002)
	/// The API port's public URL as the host makes it: public.apiUrl, else the request's host name with http.api.port.
{
	return [publicUrl, port](const restream::RouteRequest& request) {
		if (!publicUrl.empty()) return publicUrl;
		std::string host = request.host;
		const auto colon = host.rfind(':');
		if (colon != std::string::npos && host.find(']', colon) == std::string::npos) host.erase(colon);
		return "http://" + host + ":" + std::to_string(port);
	};
}

class Player
	/// The player's routes with settings and the API port's URL.
{
public:
	explicit Player(uiplayer::PlayerPage::ApiPortUrl apiPortUrl = apiPort(), std::string apiUrl = ""):
		_routes(uiplayer::PlayerRoutes::create(settings(std::move(apiUrl)), std::move(apiPortUrl))),
		tester(_routes, "player")
	{
	}

	RouteAnswer get(const std::string& target, const std::map<std::string, std::string>& headers = {})
	{
		return tester.request("GET", target, "", headers);
	}

private:
	static uiplayer::PlayerSettings settings(std::string apiUrl)
	{
		uiplayer::PlayerSettings settings;
		settings.apiUrl = std::move(apiUrl);
		settings.frameAncestors = "'self'";
		settings.title = "restream";
		return settings;
	}

	const RouteTester::Named _routes;

public:
	RouteTester tester;
};

} // namespace

class PlayerUnitTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PlayerUnitTest);
	CPPUNIT_TEST(testRoutesOnThePlayerPort);
	CPPUNIT_TEST(testPluginStart);
	CPPUNIT_TEST(testPageInTheViewersLanguage);
	CPPUNIT_TEST(testSecurityHeaders);
	CPPUNIT_TEST(testConfiguredApiUrl);
	CPPUNIT_TEST(testApiUrlOfTheApiPort);
	CPPUNIT_TEST(testMalformedHostRefused);
	CPPUNIT_TEST(testPlainUrls);
	CPPUNIT_TEST(testAssetsVersionedAndRevalidated);
	CPPUNIT_TEST(testOnlyEmbeddedFilesAndReadMethods);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRoutesOnThePlayerPort()
	{
		Player player;
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), player.tester.size());
		for (const auto& route : uiplayer::PlayerRoutes::create({}, apiPort()))
		{
			CPPUNIT_ASSERT_EQUAL(std::string("player"), route.second->port());
			CPPUNIT_ASSERT_EQUAL(std::string("GET"), route.second->method());
			CPPUNIT_ASSERT(route.second->access() == restream::Route::Access::Public);
		}
	}

	void testPluginStart()
	{
		uiplayer::PlayerPlugin plugin;
		{
			restream::test::PluginTestContext context("ui-player");
			context.declare(plugin.settings());
			context.set("apiUrl", "https://api.example.org/");
			plugin.start(context);
			const auto routes = context.testRegistry().findAll<restream::Route>();
			CPPUNIT_ASSERT_EQUAL(std::size_t(3), routes.size());
			CPPUNIT_ASSERT(context.testRegistry().find("ui-player.page"));
			RouteTester tester(routes, "player");
			const RouteAnswer page = tester.request("GET", "/");
			CPPUNIT_ASSERT_MESSAGE(page.body, contains(page.body, "content=\"https://api.example.org\""));
			CPPUNIT_ASSERT(contains(page.body, "<title>restream</title>"));
			plugin.stop();
		}
		for (const char* unsafe : {"'self'; script-src *", "'self', https://a.example", "'self'\nX: y"})
		{
			restream::test::PluginTestContext context("ui-player");
			context.declare(plugin.settings());
			context.set("frameAncestors", unsafe);
			CPPUNIT_ASSERT_THROW_MESSAGE(unsafe, plugin.start(context), Poco::InvalidArgumentException);
			CPPUNIT_ASSERT(context.testRegistry().all().empty());
		}
	}

	void testPageInTheViewersLanguage()
	{
		Player player;
		const RouteAnswer french = player.get("/", {{"Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5"}});
		CPPUNIT_ASSERT_EQUAL(200, french.status);
		CPPUNIT_ASSERT(contains(french.body, "<html lang=\"fr\">"));
		CPPUNIT_ASSERT(contains(french.body, "Aucun stream actif"));
		CPPUNIT_ASSERT_EQUAL(std::string("fr"), french.header("Content-Language"));
		CPPUNIT_ASSERT(contains(french.header("Vary"), "Accept-Language"));

		const RouteAnswer english = player.get("/", {{"Accept-Language", "de, en;q=0.8"}});
		CPPUNIT_ASSERT(contains(english.body, "<html lang=\"en\">"));
		CPPUNIT_ASSERT(contains(english.body, "No active stream"));
		CPPUNIT_ASSERT(!contains(english.body, "{{"));
	}

	void testSecurityHeaders()
	{
		Player player;
		const RouteAnswer page = player.get("/");
		const std::string csp = page.header("Content-Security-Policy");
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "default-src 'none'"));
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "script-src 'self';"));
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "worker-src 'self' blob:"));
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "frame-ancestors 'self'"));
		CPPUNIT_ASSERT_MESSAGE(csp, !contains(csp, "unsafe"));
		CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), page.header("X-Content-Type-Options"));
		CPPUNIT_ASSERT_EQUAL(std::string("no-referrer"), page.header("Referrer-Policy"));
		CPPUNIT_ASSERT_EQUAL(std::string("no-cache"), page.header("Cache-Control"));
		CPPUNIT_ASSERT_EQUAL(std::string("text/html; charset=utf-8"), page.header("Content-Type"));
		CPPUNIT_ASSERT(!Poco::RegularExpression("<script(?![^>]*\\bsrc=)").match(page.body));
	}

	void testConfiguredApiUrl()
	{
		Player player(apiPort("https://api.example.org"));
		const RouteAnswer page = player.get("/");
		CPPUNIT_ASSERT(contains(page.body, "<meta name=\"restream-api\" content=\"https://api.example.org\">"));
		const std::string csp = page.header("Content-Security-Policy");
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "connect-src 'self' https://api.example.org;"));
		CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "media-src 'self' blob: https://api.example.org;"));

		Player own(apiPort("https://api.example.org"), "http://10.0.0.2:9000/restream");
		const RouteAnswer overridden = own.get("/");
		CPPUNIT_ASSERT_MESSAGE(overridden.body, contains(overridden.body, "content=\"http://10.0.0.2:9000/restream\""));
		CPPUNIT_ASSERT(contains(overridden.header("Content-Security-Policy"), "connect-src 'self' http://10.0.0.2:9000;"));
	}

	void testApiUrlOfTheApiPort()
	{
		Player player;
		const RouteAnswer page = player.get("/", {{"Host", "TV.lan:8003"}});
		CPPUNIT_ASSERT_MESSAGE(page.body, contains(page.body, "content=\"http://tv.lan:18002\""));
		CPPUNIT_ASSERT(contains(page.header("Content-Security-Policy"), "connect-src 'self' http://tv.lan:18002;"));
		const RouteAnswer ipv6 = player.get("/", {{"Host", "[fd00::2]:8003"}});
		CPPUNIT_ASSERT_MESSAGE(ipv6.body, contains(ipv6.body, "content=\"http://[fd00::2]:18002\""));
		Player standard(apiPort("", 80));
		CPPUNIT_ASSERT(contains(standard.get("/", {{"Host", "tv.lan"}}).body, "content=\"http://tv.lan\""));
	}

	void testMalformedHostRefused()
	{
		Player player;
		for (const std::string host : {"evil\"><script>alert(1)</script>", "a b", "x;y", "", "user@host", "a'b", "[fe80::1%eth0]"})
		{
			const RouteAnswer page = player.get("/", {{"Host", host}});
			CPPUNIT_ASSERT_EQUAL_MESSAGE(host, 400, page.status);
			CPPUNIT_ASSERT(!contains(page.body, "<script>"));
			CPPUNIT_ASSERT(page.header("Content-Security-Policy").empty());
		}
	}

	void testPlainUrls()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("https://api.example.org"), PlayerPage::plainUrl("HTTPS://API.example.org:443/", true));
		CPPUNIT_ASSERT_EQUAL(std::string("http://10.0.0.2:9000/a/b"), PlayerPage::plainUrl("http://10.0.0.2:9000/a/b/", true));
		CPPUNIT_ASSERT_EQUAL(std::string("http://10.0.0.2:9000"), PlayerPage::plainUrl("http://10.0.0.2:9000/a/b/", false));
		CPPUNIT_ASSERT_EQUAL(std::string("http://[::1]:8002"), PlayerPage::plainUrl("http://[::1]:8002", false));
		for (const char* bad : {"", "javascript:alert(1)", "ftp://host", "http://user:pass@host", "http://host/?q=1", "http://host/#x", "//host",
				 "http://", "http://a\"b", "http://a b", "http://a;b"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, std::string(), PlayerPage::plainUrl(bad, true));
	}

	void testAssetsVersionedAndRevalidated()
	{
		Player player;
		const RouteAnswer page = player.get("/");
		const std::string script = capture(page.body, "<script src=\"([^\"]+)\"");
		CPPUNIT_ASSERT_MESSAGE(page.body, contains(script, "/assets/player.js?v="));

		const RouteAnswer versioned = player.get(script);
		CPPUNIT_ASSERT_EQUAL(200, versioned.status);
		CPPUNIT_ASSERT(contains(versioned.header("Content-Type"), "text/javascript"));
		CPPUNIT_ASSERT(contains(versioned.header("Cache-Control"), "immutable"));
		CPPUNIT_ASSERT(versioned.body.size() > 100000); // hls.js is in the bundle
		const std::string etag = versioned.header("ETag");
		CPPUNIT_ASSERT_EQUAL(etag, "\"" + script.substr(script.find("?v=") + 3) + "\"");

		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=300"), player.get("/assets/player.js?v=0123456789abcdef").header("Cache-Control"));
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=300"), player.get("/assets/player.js").header("Cache-Control"));
		const RouteAnswer revalidated = player.get("/assets/player.js", {{"If-None-Match", etag}});
		CPPUNIT_ASSERT_EQUAL(304, revalidated.status);
		CPPUNIT_ASSERT(revalidated.body.empty());
		const RouteAnswer head = player.tester.request("HEAD", "/assets/player.css");
		CPPUNIT_ASSERT_EQUAL(200, head.status);
		CPPUNIT_ASSERT(head.body.empty());
	}

	void testOnlyEmbeddedFilesAndReadMethods()
	{
		Player player;
		for (const std::string path : {"/strings.json", "/index.html", "/assets/../assets/player.js", "/assets/player.js/", "/%2e%2e/etc/passwd",
				 "/assets/", "/assets/../strings.json"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, player.get(path).status);
		CPPUNIT_ASSERT_EQUAL(200, player.get("/favicon.svg").status);
		CPPUNIT_ASSERT_EQUAL(405, player.tester.request("POST", "/", "{}").status);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(PlayerUnitTest);
