//
// UiAdminRouteTest.cpp
//
// The ui-admin plugin's routes (AdminRoutes), called as the host's router
// calls them (RouteTester), against a FakeApi: signing in and out, the
// session kept on the server and what ends it, the CSRF token and Origin of
// every POST, next= kept on the site, the dashboard's endpoints and preview,
// the pages' language and headers, the embedded files.
//

#include "AdminPlugin.h"
#include "AdminRoutes.h"
#include "FakeApi.h"
#include "PluginTestContext.h"
#include "RouteTester.h"
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <set>

using restream::test::FakeApi;
using restream::test::RouteAnswer;
using restream::test::RouteTester;

namespace {

const std::string FORM = "application/x-www-form-urlencoded";
const std::string OWN_ORIGIN = "http://127.0.0.1:8001"; // RouteTester's default Host
const std::string BROWSER = "192.168.1.20";

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

std::string between(const std::string& text, const std::string& before, const std::string& after)
{
	const auto start = text.find(before);
	if (start == std::string::npos) return "";
	const auto end = text.find(after, start + before.size());
	return end == std::string::npos ? "" : text.substr(start + before.size(), end - start - before.size());
}

class Admin
	/// The admin's routes calling a FakeApi (or what locator gives), favourites in a temporary directory.
{
public:
	explicit Admin(uiadmin::ApiClient::Locator locator = nullptr, Poco::Timespan idleTimeout = Poco::Timespan(3600, 0)):
		routes(create(locator ? std::move(locator) : uiadmin::ApiClient::Locator([this] { return api.url(); }), idleTimeout), "admin")
	{
	}

	RouteAnswer request(const std::string& method, const std::string& target, const std::string& body = "",
		const std::map<std::string, std::string>& headers = {})
	{
		return routes.request(method, target, body, headers, BROWSER);
	}

	FakeApi api;
	Poco::TemporaryFile directory;
	RouteTester::Named named;
	RouteTester routes;

private:
	const RouteTester::Named& create(uiadmin::ApiClient::Locator locator, Poco::Timespan idleTimeout)
	{
		directory.createDirectories();
		uiadmin::AdminSettings settings;
		settings.apiTimeout = Poco::Timespan(2, 0);
		settings.sessionIdleTimeout = idleTimeout;
		settings.maxSessions = 64;
		settings.stateDirectory = directory.path();
		named = uiadmin::AdminRoutes::create(settings, std::move(locator),
			[](const restream::RouteRequest&) { return std::string("http://nas.lan:5004"); }, Poco::Logger::get("UiAdminRouteTest"));
		return named;
	}
};

class Browser
	/// What a browser does: the sign-in form's CSRF cookie and field, then the POST; the dashboard's token.
{
public:
	explicit Browser(Admin& admin): _admin(admin)
	{
		const RouteAnswer page = _admin.request("GET", "/login");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		_csrf = page.cookie("restream_admin_csrf");
		CPPUNIT_ASSERT_EQUAL(std::size_t(43), _csrf.size());
		CPPUNIT_ASSERT(contains(page.body, "value=\"" + _csrf + "\""));
	}

	RouteAnswer signIn(const std::string& password, const std::string& sessionCookie = "", const std::string& next = "%2F")
	{
		return _admin.request("POST", "/login", "csrf=" + _csrf + "&next=" + next + "&username=admin&password=" + password,
			{{"Content-Type", FORM}, {"Cookie", "restream_admin_csrf=" + _csrf + (sessionCookie.empty() ? "" : "; " + sessionCookie)},
				{"Origin", OWN_ORIGIN}});
	}

	std::string session()
		/// Signs in and returns the Cookie header of the new session.
	{
		return "restream_admin=" + signIn("right").cookie("restream_admin");
	}

	std::string pageToken(const std::string& session)
		/// The CSRF token the dashboard gives its script.
	{
		return between(_admin.request("GET", "/", "", {{"Cookie", session}}).body, "name=\"csrf-token\" content=\"", "\"");
	}

	const std::string& csrf() const
	{
		return _csrf;
	}

private:
	Admin& _admin;
	std::string _csrf;
};

} // namespace

class UiAdminRouteTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(UiAdminRouteTest);
	CPPUNIT_TEST(testOneRoutePerResourceOnTheAdminPort);
	CPPUNIT_TEST(testPluginStart);
	CPPUNIT_TEST(testSignInKeepsTheTokenOnTheServer);
	CPPUNIT_TEST(testWrongPasswordAndThrottle);
	CPPUNIT_TEST(testSignInFormChecked);
	CPPUNIT_TEST(testApiRefusingTheTokenEndsTheSession);
	CPPUNIT_TEST(testApiUnreachable);
	CPPUNIT_TEST(testNoApiToCall);
	CPPUNIT_TEST(testNextStaysOnTheSite);
	CPPUNIT_TEST(testPostsNeedTheTokenAndOurOrigin);
	CPPUNIT_TEST(testSignOut);
	CPPUNIT_TEST(testBadJsonIsAClientError);
	CPPUNIT_TEST(testChannelParametersChecked);
	CPPUNIT_TEST(testStatusPassesThrough);
	CPPUNIT_TEST(testPreviewOfExactShapes);
	CPPUNIT_TEST(testPreviewOfTheLowLatencyRendition);
	CPPUNIT_TEST(testBlockedReloadOutlastsTheApiTimeout);
	CPPUNIT_TEST(testPreviewRefusedEndsTheSession);
	CPPUNIT_TEST(testLogosOfStreamIdsOnly);
	CPPUNIT_TEST(testSigningInAgainEndsTheOldSession);
	CPPUNIT_TEST(testLoopbackApiSeesTheBrowsersHost);
	CPPUNIT_TEST(testBackgroundPollsLetTheSessionIdleOut);
	CPPUNIT_TEST(testLanguageChosenAndKept);
	CPPUNIT_TEST(testPageHeaders);
	CPPUNIT_TEST(testOnlyTheCurrentAssetVersionIsImmutable);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOneRoutePerResourceOnTheAdminPort()
	{
		Admin admin;
		std::set<std::string> names;
		std::set<std::string> resources;
		for (const auto& route : admin.named)
		{
			CPPUNIT_ASSERT_MESSAGE(route.first, route.first.compare(0, 9, "ui-admin.") == 0);
			CPPUNIT_ASSERT_MESSAGE(route.first, names.insert(route.first).second);
			CPPUNIT_ASSERT_MESSAGE(route.first, resources.insert(route.second->method() + " " + route.second->path()).second);
			CPPUNIT_ASSERT_EQUAL(std::string("admin"), route.second->port());
			CPPUNIT_ASSERT(route.second->access() == restream::Route::Access::Public);
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(19), admin.routes.size());
		// the host answers what no route serves
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/nothing").status);
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/_strings.json").status);
		CPPUNIT_ASSERT_EQUAL(405, admin.request("GET", "/ui/start").status);
		CPPUNIT_ASSERT_EQUAL(405, admin.request("DELETE", "/").status);
	}

	void testPluginStart()
	{
		FakeApi api;
		uiadmin::AdminPlugin plugin;
		{
			restream::test::PluginTestContext context("ui-admin");
			context.declare(plugin.settings());
			context.set("apiUrl", api.url() + "/");
			plugin.start(context);
			const auto routes = context.testRegistry().findAll<restream::Route>();
			CPPUNIT_ASSERT_EQUAL(std::size_t(19), routes.size());
			CPPUNIT_ASSERT(context.testRegistry().find("ui-admin.login-form"));
			RouteTester tester(routes, "admin");
			const RouteAnswer form = tester.request("GET", "/login");
			const std::string csrf = form.cookie("restream_admin_csrf");
			const RouteAnswer signedIn = tester.request("POST", "/login", "csrf=" + csrf + "&username=admin&password=right",
				{{"Content-Type", FORM}, {"Cookie", "restream_admin_csrf=" + csrf}}, BROWSER);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(signedIn.body, 303, signedIn.status);
			CPPUNIT_ASSERT_EQUAL(std::string("/auth/login"), api.lastUri()); // no double slash
			CPPUNIT_ASSERT(contains(context.log(), "the API at " + api.url()));
			plugin.stop();
		}
		{
			// the default: the API of this very process, asked from the host when serving (here, no host)
			restream::test::PluginTestContext context("ui-admin");
			context.declare(plugin.settings());
			plugin.start(context);
			RouteTester tester(context.testRegistry().findAll<restream::Route>(), "admin");
			const RouteAnswer form = tester.request("GET", "/login");
			const std::string csrf = form.cookie("restream_admin_csrf");
			const RouteAnswer failed = tester.request("POST", "/login", "csrf=" + csrf + "&username=admin&password=right",
				{{"Content-Type", FORM}, {"Cookie", "restream_admin_csrf=" + csrf}});
			CPPUNIT_ASSERT_EQUAL(502, failed.status);
			CPPUNIT_ASSERT(contains(context.log(), "this process's API"));
			plugin.stop();
		}
	}

	void testSignInKeepsTheTokenOnTheServer()
	{
		Admin admin;
		Browser browser(admin);
		const RouteAnswer signedIn = browser.signIn("right");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(signedIn.body, 303, signedIn.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/"), signedIn.header("Location"));
		CPPUNIT_ASSERT_EQUAL_MESSAGE("the API counts the browser, not the admin", BROWSER, admin.api.lastForwardedFor());
		CPPUNIT_ASSERT(contains(admin.api.lastBody(), "\"username\":\"admin\""));
		const std::string cookie = signedIn.setCookie("restream_admin");
		CPPUNIT_ASSERT_MESSAGE(cookie, contains(cookie, "HttpOnly"));
		CPPUNIT_ASSERT_MESSAGE(cookie, contains(cookie, "SameSite=Strict"));
		CPPUNIT_ASSERT_MESSAGE(cookie, contains(cookie, "path=/") || contains(cookie, "Path=/"));
		CPPUNIT_ASSERT_MESSAGE(cookie, !contains(cookie, "secure"));
		CPPUNIT_ASSERT(!contains(cookie, FakeApi::TOKEN));
		CPPUNIT_ASSERT_EQUAL(std::size_t(43), signedIn.cookie("restream_admin").size());

		const std::string session = "restream_admin=" + signedIn.cookie("restream_admin");
		const RouteAnswer dashboard = admin.request("GET", "/", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, dashboard.status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(43), between(dashboard.body, "name=\"csrf-token\" content=\"", "\"").size());
		CPPUNIT_ASSERT_MESSAGE("the token never reaches the browser", !contains(dashboard.body, FakeApi::TOKEN));
		// media centres are pointed at the tuner port as this browser reaches it
		CPPUNIT_ASSERT(contains(dashboard.body, "data-tuner-url=\"http://nas.lan:5004\""));
		const RouteAnswer status = admin.request("GET", "/ui/status", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, status.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer ") + FakeApi::TOKEN, admin.api.lastAuthorization());
		CPPUNIT_ASSERT_EQUAL(BROWSER, admin.api.lastForwardedFor());

		// behind a TLS proxy the cookie is Secure
		const RouteAnswer secure = admin.request("POST", "/login", "csrf=" + browser.csrf() + "&username=admin&password=right",
			{{"Content-Type", FORM}, {"Cookie", "restream_admin_csrf=" + browser.csrf()}, {"X-Forwarded-Proto", "https"},
				{"Origin", "https://127.0.0.1:8001"}});
		CPPUNIT_ASSERT_EQUAL(303, secure.status);
		CPPUNIT_ASSERT(contains(Poco::toLower(secure.setCookie("restream_admin")), "secure"));
	}

	void testWrongPasswordAndThrottle()
	{
		Admin admin;
		Browser browser(admin);
		const RouteAnswer wrong = browser.signIn("wrong");
		CPPUNIT_ASSERT_EQUAL(401, wrong.status);
		CPPUNIT_ASSERT(contains(wrong.body, "Incorrect user name or password."));
		CPPUNIT_ASSERT(wrong.cookie("restream_admin").empty());
		const RouteAnswer throttled = browser.signIn("throttled");
		CPPUNIT_ASSERT_EQUAL(429, throttled.status);
		CPPUNIT_ASSERT_EQUAL(std::string("42"), throttled.header("Retry-After"));
		CPPUNIT_ASSERT(contains(throttled.body, "Too many attempts, try again in 42 s."));
	}

	void testSignInFormChecked()
	{
		Admin admin;
		Browser browser(admin);
		const auto post = [&](const std::string& body, std::map<std::string, std::string> headers) {
			headers.emplace("Content-Type", FORM);
			return admin.request("POST", "/login", body, headers);
		};
		const std::string form = "csrf=" + browser.csrf() + "&username=admin&password=right";
		const std::string csrfCookie = "restream_admin_csrf=" + browser.csrf();
		for (const auto& foreign : std::vector<std::pair<std::string, std::string>>{
				 {"Origin", "http://evil.example"}, {"Sec-Fetch-Site", "cross-site"}, {"Origin", "null"}})
		{
			const RouteAnswer answer = post(form, {{"Cookie", csrfCookie}, foreign});
			CPPUNIT_ASSERT_EQUAL(403, answer.status);
			CPPUNIT_ASSERT(contains(answer.body, "A request from another site was refused."));
			CPPUNIT_ASSERT(answer.cookie("restream_admin").empty());
		}
		const RouteAnswer noToken = post("username=admin&password=right", {{"Cookie", csrfCookie}});
		CPPUNIT_ASSERT_EQUAL(403, noToken.status);
		CPPUNIT_ASSERT(contains(noToken.body, "The form has expired"));
		CPPUNIT_ASSERT(noToken.cookie("restream_admin").empty());
		CPPUNIT_ASSERT_EQUAL(403, post(form, {}).status); // a token without the cookie it doubles
		CPPUNIT_ASSERT_EQUAL(400, post("csrf=" + browser.csrf() + "&username=%20&password=right", {{"Cookie", csrfCookie}}).status);
		CPPUNIT_ASSERT_EQUAL(400, post("csrf=" + browser.csrf() + "&username=admin", {{"Cookie", csrfCookie}}).status);
		CPPUNIT_ASSERT_EQUAL(303, post(form, {{"Cookie", csrfCookie}}).status); // no Origin: the token is the defence
		CPPUNIT_ASSERT_EQUAL(413, post(form + "&x=" + std::string(17 * 1024, 'a'), {{"Cookie", csrfCookie}}).status);
	}

	void testApiRefusingTheTokenEndsTheSession()
	{
		Admin admin;
		Browser browser(admin);
		const std::string session = browser.session();
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/status", "", {{"Cookie", session}}).status);
		admin.api.revoke();
		const RouteAnswer refused = admin.request("GET", "/ui/status", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(401, refused.status);
		CPPUNIT_ASSERT(contains(refused.body, "\"signed_out\":true"));
		CPPUNIT_ASSERT(contains(refused.body, "Your session has expired"));
		const RouteAnswer refusedFr =
			admin.request("GET", "/ui/status", "", {{"Cookie", browser.session()}, {"Accept-Language", "fr"}});
		CPPUNIT_ASSERT_EQUAL(401, refusedFr.status);
		CPPUNIT_ASSERT_MESSAGE(refusedFr.body, contains(refusedFr.body, "Votre session a expir"));
		const RouteAnswer dashboard = admin.request("GET", "/", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(302, dashboard.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/login"), dashboard.header("Location"));
		const RouteAnswer signedOut = admin.request("GET", "/ui/categories", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(401, signedOut.status);
		CPPUNIT_ASSERT(contains(signedOut.body, "Please sign in."));
		const RouteAnswer expiredPage = admin.request("GET", "/login?expired=1", "", {{"Accept-Language", "fr"}});
		CPPUNIT_ASSERT(contains(expiredPage.body, "Votre session a expiré, veuillez vous reconnecter."));
	}

	void testApiUnreachable()
	{
		Admin admin;
		Browser browser(admin);
		const std::string session = browser.session();
		admin.api.stop();
		const RouteAnswer failed = browser.signIn("right");
		CPPUNIT_ASSERT_EQUAL(502, failed.status);
		CPPUNIT_ASSERT_MESSAGE(failed.body, contains(failed.body, admin.api.url()));
		CPPUNIT_ASSERT(!contains(failed.body, "right"));
		const RouteAnswer status = admin.request("GET", "/ui/status", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(502, status.status);
		CPPUNIT_ASSERT(contains(status.body, "cannot be reached"));
		CPPUNIT_ASSERT_EQUAL_MESSAGE("the session outlives the API's absence", 200, admin.request("GET", "/", "", {{"Cookie", session}}).status);
	}

	void testNoApiToCall()
	{
		Admin admin([] { return std::string(); });
		const RouteAnswer failed = Browser(admin).signIn("right");
		CPPUNIT_ASSERT_EQUAL(502, failed.status);
		CPPUNIT_ASSERT_MESSAGE(failed.body, contains(failed.body, "plugins.ui-admin.apiUrl"));
	}

	void testNextStaysOnTheSite()
	{
		Admin admin;
		Browser browser(admin);
		CPPUNIT_ASSERT_EQUAL(std::string("/"), browser.signIn("right", "", "%2F%2Fevil.example%2Fsteal").header("Location"));
		CPPUNIT_ASSERT_EQUAL(std::string("/?lang=fr"), browser.signIn("right", "", "%2F%3Flang%3Dfr").header("Location"));
		const RouteAnswer form = admin.request("GET", "/login?next=%2F%2Fevil.example");
		CPPUNIT_ASSERT(contains(form.body, "name=\"next\" value=\"/\""));
		const std::string session = browser.session();
		for (const char* next : {"%2F%5Cevil.example", "https%3A%2F%2Fevil.example%2F", "%2F%252F%252Fevil.example", "%2F%255Cevil.example"})
		{
			const RouteAnswer redirected = admin.request("GET", std::string("/login?next=") + next, "", {{"Cookie", session}});
			CPPUNIT_ASSERT_EQUAL(302, redirected.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(next, std::string("/"), redirected.header("Location"));
		}
		CPPUNIT_ASSERT_EQUAL(std::string("/?lang=en"), admin.request("GET", "/login?next=%2F%3Flang%3Den", "", {{"Cookie", session}}).header("Location"));
	}

	void testPostsNeedTheTokenAndOurOrigin()
	{
		Admin admin;
		Browser browser(admin);
		const std::string session = browser.session();
		const std::string token = browser.pageToken(session);
		CPPUNIT_ASSERT_EQUAL(std::size_t(43), token.size());
		const std::string start = "{\"stream_id\": 101}";
		const auto post = [&](std::map<std::string, std::string> headers) {
			headers.emplace("Cookie", session);
			return admin.request("POST", "/ui/start", start, headers);
		};
		CPPUNIT_ASSERT_EQUAL(403, post({}).status);
		CPPUNIT_ASSERT_EQUAL(403, post({{"X-CSRF-Token", std::string(43, 'x')}}).status);
		CPPUNIT_ASSERT_EQUAL(403, post({{"X-CSRF-Token", token}, {"Origin", "http://evil.example"}}).status);
		CPPUNIT_ASSERT_EQUAL(403, post({{"X-CSRF-Token", token}, {"Origin", "http://127.0.0.1:8002"}}).status);
		CPPUNIT_ASSERT_EQUAL(403, post({{"X-CSRF-Token", token}, {"Sec-Fetch-Site", "same-site"}}).status);
		CPPUNIT_ASSERT_EQUAL(403, post({{"X-CSRF-Token", browser.csrf()}, {"Origin", OWN_ORIGIN}}).status); // the sign-in form's token
		CPPUNIT_ASSERT_MESSAGE("nothing reached the API", admin.api.lastUri() != "/start_stream");

		const RouteAnswer started = post({{"X-CSRF-Token", token}, {"Origin", OWN_ORIGIN}, {"Sec-Fetch-Site", "same-origin"}});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(started.body, 200, started.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/start_stream"), admin.api.lastUri());
		CPPUNIT_ASSERT_EQUAL(std::string("{\"stream_id\":101}"), admin.api.lastBody());
		const RouteAnswer stopped = admin.request("POST", "/ui/stop", "", {{"Cookie", session}, {"X-CSRF-Token", token}});
		CPPUNIT_ASSERT_EQUAL(404, stopped.status); // the FakeApi has no /stop_stream: the API's answer passes through
		CPPUNIT_ASSERT_EQUAL(std::string("/stop_stream"), admin.api.lastUri());
		CPPUNIT_ASSERT_EQUAL(std::string("{}"), admin.api.lastBody());
	}

	void testSignOut()
	{
		Admin admin;
		Browser browser(admin);
		const std::string session = browser.session();
		const std::string token = browser.pageToken(session);
		const auto logout = [&](const std::string& csrf, const std::string& origin) {
			std::map<std::string, std::string> headers = {{"Cookie", session}, {"Content-Type", FORM}};
			if (!origin.empty()) headers["Origin"] = origin;
			return admin.request("POST", "/logout", "csrf=" + csrf, headers);
		};
		CPPUNIT_ASSERT_EQUAL(403, logout(token, "http://evil.example").status);
		CPPUNIT_ASSERT_EQUAL(403, logout(std::string(43, 'x'), OWN_ORIGIN).status);
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/status", "", {{"Cookie", session}}).status);
		const RouteAnswer out = logout(token, OWN_ORIGIN);
		CPPUNIT_ASSERT_EQUAL(303, out.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/login"), out.header("Location"));
		CPPUNIT_ASSERT(!out.setCookie("restream_admin").empty());
		CPPUNIT_ASSERT(out.cookie("restream_admin").empty());
		CPPUNIT_ASSERT_EQUAL(401, admin.request("GET", "/ui/status", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(303, logout(token, "").status); // without a session: only the cookie goes
	}

	void testBadJsonIsAClientError()
	{
		Admin admin;
		Browser browser(admin);
		const std::string session = browser.session();
		const std::map<std::string, std::string> headers = {{"Cookie", session}, {"X-CSRF-Token", browser.pageToken(session)}, {"Origin", OWN_ORIGIN}};
		for (const char* body : {"{\"stream_id\": 18446744073709551615}", "{\"stream_id\": -9223372036854775809}", "{\"stream_id\": 1e400}",
				 "{\"stream_id\": true}", "{\"stream_id\": 1.5}", "{\"stream_id\": \"101\"}", "[101]", "{\"stream_id\": 1", ""})
		{
			const RouteAnswer result = admin.request("POST", "/ui/start", body, headers);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, 400, result.status);
			CPPUNIT_ASSERT_MESSAGE(body, contains(result.body, "\"detail\""));
		}
		CPPUNIT_ASSERT_EQUAL(413, admin.request("POST", "/ui/start", "{\"x\":\"" + std::string(9 * 1024, 'a') + "\"}", headers).status);
		const RouteAnswer favourite = admin.request("POST", "/ui/favourites",
			"{\"channel\": {\"stream_id\": 18446744073709551615, \"name\": \"x\"}, \"favourite\": true}", headers);
		CPPUNIT_ASSERT_EQUAL(400, favourite.status);
		CPPUNIT_ASSERT(contains(favourite.body, "stream_id"));
		CPPUNIT_ASSERT_EQUAL(400, admin.request("POST", "/ui/favourites", "{\"channel\": {\"stream_id\": 7, \"name\": \"x\"}}", headers).status);
		const RouteAnswer cleaned = admin.request("POST", "/ui/favourites",
			"{\"channel\": {\"stream_id\": 7, \"name\": \"News\\n24\\u0007\"}, \"favourite\": true}", headers);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(cleaned.body, 200, cleaned.status);
		CPPUNIT_ASSERT(contains(cleaned.body, "\"News24\""));
		const RouteAnswer listed = admin.request("GET", "/ui/favourites", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, listed.status);
		CPPUNIT_ASSERT(contains(listed.body, "\"stream_id\":7"));
		CPPUNIT_ASSERT_EQUAL(std::string("no-store"), listed.header("Cache-Control"));
	}

	void testChannelParametersChecked()
	{
		Admin admin;
		Browser browser(admin);
		const std::string session = browser.session();
		std::string cjk;
		for (int i = 0; i < 200; ++i) cjk += "%E6%97%A5"; // 200 characters of 3 bytes, as the input's maxlength allows
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/channels?search=" + cjk + "&limit=50&offset=0&category_id=2", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT(contains(admin.api.lastUri(), "search=%E6%97%A5"));
		CPPUNIT_ASSERT(contains(admin.api.lastUri(), "limit=50"));
		const RouteAnswer tooLong = admin.request("GET", "/ui/channels?search=" + std::string(801, 'a'), "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(400, tooLong.status);
		CPPUNIT_ASSERT(contains(tooLong.body, "800 bytes"));
		for (const char* bad : {"limit=0", "limit=201", "limit=1e2", "offset=-1", "offset=100000001", "stream_url=x", "limit=%2B5"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, 400, admin.request("GET", std::string("/ui/channels?") + bad, "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/channels?search=a%26b%3Dc", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(admin.api.lastUri(), std::string("/channels?search=a%26b%3Dc"), admin.api.lastUri());
	}

	void testStatusPassesThrough()
	{
		Admin admin;
		const std::string session = Browser(admin).session();
		const RouteAnswer status = admin.request("GET", "/ui/status", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, status.status);
		CPPUNIT_ASSERT_EQUAL(FakeApi::STATUS, status.body); // error_code, urls and player_url as the API wrote them
		CPPUNIT_ASSERT_EQUAL(std::string("application/json; charset=utf-8"), status.header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("no-store"), status.header("Cache-Control"));
		CPPUNIT_ASSERT_EQUAL(std::string("/stream_status"), admin.api.lastUri());
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/ui/account", "", {{"Cookie", session}}).status); // passes through too
	}

	void testPreviewOfExactShapes()
	{
		Admin admin;
		const std::string session = Browser(admin).session();
		const RouteAnswer playlist = admin.request("GET", "/preview/live.m3u8", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, playlist.status);
		CPPUNIT_ASSERT_EQUAL(std::string("application/vnd.apple.mpegurl"), playlist.header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), playlist.header("X-Content-Type-Options"));
		CPPUNIT_ASSERT(contains(playlist.body, "#EXTM3U"));
		CPPUNIT_ASSERT_EQUAL(std::string("/live.m3u8"), admin.api.lastUri());
		const RouteAnswer segment = admin.request("GET", "/preview/hls/101/0a1b2c3d4e-17.ts", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, segment.status);
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), segment.header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("/hls/101/0a1b2c3d4e-17.ts"), admin.api.lastUri());
		const RouteAnswer head = admin.request("HEAD", "/preview/hls/101/0a1b2c3d4e-18.ts", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, head.status);
		CPPUNIT_ASSERT(head.body.empty());
		CPPUNIT_ASSERT_EQUAL(std::string("no-store"), segment.header("Cache-Control")); // the API gave none
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/preview/live.m3u8?_HLS_msn=1&x=y", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("the TS playlist takes no query", std::string("/live.m3u8"), admin.api.lastUri());
		const std::size_t asked = admin.api.uris().size();
		for (const char* other : {"/preview/hls/101/../../auth/login", "/preview/hls/x/a.ts", "/preview/hls/101/a.m3u8", "/preview/hls/",
				 "/preview/hls/101/0a1b2c3d4e-17.ts/../../../auth/login", "/preview/hls/101/..%2F..%2Fauth%2Flogin",
				 "/preview/hls/program/0a1b2c3d4e-1.mp4.js", "/preview/hls/program/0a1b2c3d4e-1.html", "/preview/hls/program/0a1b2c3d4e-1.2.mp4",
				 "/preview/hls/program/0a1b2c3d4e-1.m3u8", "/preview/hls/program/segment-1.m4s"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(other, 404, admin.request("GET", other, "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/preview/other.m3u8", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/preview/live.ll.m3u8/x", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("no other shape reaches the API", asked, admin.api.uris().size());
		CPPUNIT_ASSERT_EQUAL(401, admin.request("GET", "/preview/live.m3u8").status);
		CPPUNIT_ASSERT_EQUAL(401, admin.request("GET", "/preview/live.ll.m3u8").status);
		CPPUNIT_ASSERT_EQUAL(401, admin.request("GET", "/preview/hls/program/0a1b2c3d4e-17.1.m4s").status);
	}

	void testPreviewOfTheLowLatencyRendition()
	{
		Admin admin;
		const std::string session = Browser(admin).session();
		const RouteAnswer playlist = admin.request("GET", "/preview/live.ll.m3u8", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, playlist.status);
		CPPUNIT_ASSERT_EQUAL(FakeApi::LOW_LATENCY_PLAYLIST, playlist.body);
		CPPUNIT_ASSERT_EQUAL(std::string("application/vnd.apple.mpegurl"), playlist.header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("no-store"), playlist.header("Cache-Control"));
		CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), playlist.header("X-Content-Type-Options"));
		CPPUNIT_ASSERT_EQUAL(std::string("/live.ll.m3u8"), admin.api.lastUri());

		// the blocking reload directives pass on, rebuilt; any other parameter is dropped
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/preview/live.ll.m3u8?_HLS_msn=12&_HLS_part=3", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(std::string("/live.ll.m3u8?_HLS_msn=12&_HLS_part=3"), admin.api.lastUri());
		CPPUNIT_ASSERT_EQUAL(200,
			admin.request("GET", "/preview/live.ll.m3u8?_HLS_skip=YES&_HLS_msn=12&token=x%26y&_HLS_part=0&next=%2F%2Fevil", "",
				{{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(std::string("/live.ll.m3u8?_HLS_msn=12&_HLS_part=0"), admin.api.lastUri());
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/preview/live.ll.m3u8?callback=x", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(std::string("/live.ll.m3u8"), admin.api.lastUri());

		// malformed directives are the browser's error and never reach the API
		const std::size_t asked = admin.api.uris().size();
		for (const char* bad : {"?_HLS_msn=x", "?_HLS_msn=-1", "?_HLS_msn=1e3", "?_HLS_msn=%2B1", "?_HLS_msn=01", "?_HLS_msn=",
				 "?_HLS_msn=99999999999999999999", "?_HLS_msn=18446744073709551616", "?_HLS_msn=1%26x%3Dy", "?_HLS_msn=1&_HLS_msn=2",
				 "?_HLS_part=1", "?_HLS_msn=1&_HLS_part=x", "?_HLS_msn=1&_HLS_part=10000", "?_HLS_msn=1&_HLS_part=%2E%2E"})
		{
			const RouteAnswer refused = admin.request("GET", std::string("/preview/live.ll.m3u8") + bad, "", {{"Cookie", session}});
			CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, 400, refused.status);
			CPPUNIT_ASSERT_MESSAGE(bad, contains(refused.body, "_HLS_msn"));
		}
		CPPUNIT_ASSERT_EQUAL_MESSAGE("no malformed directive reaches the API", asked, admin.api.uris().size());

		// the API's own 400 (a segment too far ahead) stays a 400, not a 502
		const RouteAnswer tooFar = admin.request("GET", "/preview/live.ll.m3u8?_HLS_msn=" + FakeApi::TOO_FAR, "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(400, tooFar.status);
		CPPUNIT_ASSERT_EQUAL("/live.ll.m3u8?_HLS_msn=" + FakeApi::TOO_FAR, admin.api.lastUri());

		// init segments, segments and parts: the API's type for them; immutable, but private behind the session
		for (const char* media : {"/preview/hls/program/0a1b2c3d4e-1.mp4", "/preview/hls/program/0a1b2c3d4e-17.m4s",
				 "/preview/hls/program/0a1b2c3d4e-17.2.m4s", "/preview/hls/101/0a1b2c3d4e-17.0.m4s"})
		{
			const RouteAnswer answer = admin.request("GET", media, "", {{"Cookie", session}});
			CPPUNIT_ASSERT_EQUAL_MESSAGE(media, 200, answer.status);
			CPPUNIT_ASSERT_EQUAL(std::string("fmp4"), answer.body);
			CPPUNIT_ASSERT_EQUAL(std::string("video/mp4"), answer.header("Content-Type"));
			CPPUNIT_ASSERT_EQUAL(std::string("private, max-age=86400, immutable"), answer.header("Cache-Control"));
			CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), answer.header("X-Content-Type-Options"));
			CPPUNIT_ASSERT_EQUAL(std::string(media).substr(8), admin.api.lastUri());
		}
		// a part the API no longer has stays a 404
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/preview/hls/program/" + FakeApi::GONE_TOKEN + "-17.2.m4s", "", {{"Cookie", session}}).status);

		// an API without the rendition: 404, which sends the preview to the TS playlist
		admin.api.withoutLowLatency();
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/preview/live.ll.m3u8", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/preview/live.ll.m3u8?_HLS_msn=3", "", {{"Cookie", session}}).status);
	}

	void testBlockedReloadOutlastsTheApiTimeout()
	{
		// the API holds a blocking reload until the part exists: the admin waits for it beyond its API
		// timeout (2 s here) rather than cut it into a 502
		Admin admin;
		const std::string session = Browser(admin).session();
		const Poco::Timestamp asked;
		const RouteAnswer held = admin.request("GET", "/preview/live.ll.m3u8?_HLS_msn=" + FakeApi::HELD + "&_HLS_part=1", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, held.status);
		CPPUNIT_ASSERT_EQUAL(FakeApi::LOW_LATENCY_PLAYLIST, held.body);
		CPPUNIT_ASSERT(asked.elapsed() >= FakeApi::HOLD_MS * 1000);
		// a segment is answered at once: the API timeout alone bounds it
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/preview/hls/program/0a1b2c3d4e-17.2.m4s", "", {{"Cookie", session}}).status);
	}

	void testLogosOfStreamIdsOnly()
	{
		Admin admin;
		const std::string session = Browser(admin).session();
		const RouteAnswer logo = admin.request("GET", "/ui/logos/101", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, logo.status);
		CPPUNIT_ASSERT_EQUAL(FakeApi::LOGO, logo.body);
		CPPUNIT_ASSERT_EQUAL(std::string("/channels/101/logo"), admin.api.lastUri());
		CPPUNIT_ASSERT_EQUAL("Bearer " + FakeApi::TOKEN, admin.api.lastAuthorization());
		CPPUNIT_ASSERT_EQUAL(std::string("image/png"), logo.header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), logo.header("X-Content-Type-Options"));
		CPPUNIT_ASSERT_EQUAL(std::string("default-src 'none'; sandbox"), logo.header("Content-Security-Policy"));
		CPPUNIT_ASSERT_EQUAL(std::string("private, max-age=86400"), logo.header("Cache-Control"));
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/ui/logos/102", "", {{"Cookie", session}}).status); // the API has none
		CPPUNIT_ASSERT_EQUAL(502, admin.request("GET", "/ui/logos/103", "", {{"Cookie", session}}).status); // not an image
		const std::size_t asked = admin.api.uris().size();
		for (const char* other : {"/ui/logos/", "/ui/logos/abc", "/ui/logos/0", "/ui/logos/0101", "/ui/logos/-1", "/ui/logos/101/x",
				 "/ui/logos/9007199254740992", "/ui/logos/99999999999999999999", "/ui/logos/..%2F..%2Fauth%2Flogin"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(other, 404, admin.request("GET", other, "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("no other shape reaches the API", asked, admin.api.uris().size());
		CPPUNIT_ASSERT_EQUAL(404, admin.request("GET", "/ui/logos/9007199254740991", "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(std::string("/channels/9007199254740991/logo"), admin.api.lastUri()); // the largest id is asked
		CPPUNIT_ASSERT_EQUAL(401, admin.request("GET", "/ui/logos/101").status);
	}

	void testPreviewRefusedEndsTheSession()
	{
		Admin admin;
		const std::string session = Browser(admin).session();
		admin.api.revoke();
		const RouteAnswer refused = admin.request("GET", "/preview/live.m3u8", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(401, refused.status);
		CPPUNIT_ASSERT(contains(refused.body, "\"signed_out\":true"));
		const RouteAnswer dashboard = admin.request("GET", "/", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(302, dashboard.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/login"), dashboard.header("Location"));
	}

	void testSigningInAgainEndsTheOldSession()
	{
		Admin admin;
		Browser browser(admin);
		const std::string first = browser.session();
		const std::string second = "restream_admin=" + browser.signIn("right", first).cookie("restream_admin");
		CPPUNIT_ASSERT(second != first);
		CPPUNIT_ASSERT_EQUAL(401, admin.request("GET", "/ui/status", "", {{"Cookie", first}}).status);
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/status", "", {{"Cookie", second}}).status);
	}

	void testLoopbackApiSeesTheBrowsersHost()
	{
		// the same machine's API answers URLs under the name the browser used, not 127.0.0.1, and with
		// its own port numbers (the admin's port is not the API's)
		Admin admin;
		const std::string session = Browser(admin).session();
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/status", "", {{"Cookie", session}, {"Host", "nas.lan:8001"}}).status);
		CPPUNIT_ASSERT_EQUAL(std::string("nas.lan"), admin.api.lastHost());
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/status", "", {{"Cookie", session}, {"Host", "[fe80::1]:8001"}}).status);
		CPPUNIT_ASSERT_EQUAL(std::string("[fe80::1]"), admin.api.lastHost());
		Admin byName([&admin] { return "http://localhost:" + std::to_string(admin.api.port()); });
		Browser(byName).signIn("right");
		CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), admin.api.lastHost());
	}

	void testBackgroundPollsLetTheSessionIdleOut()
	{
		// 3 s of idle timeout: the polls (status, account, preview) do not count as a use, the user's requests do
		Admin admin(nullptr, Poco::Timespan(3, 0));
		Browser browser(admin);
		const std::string polled = browser.session();
		const std::string used = browser.session();
		const std::string left = browser.session();
		Poco::Thread::sleep(2000);
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/status", "", {{"Cookie", polled}}).status);
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/preview/live.m3u8", "", {{"Cookie", polled}}).status);
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/channels", "", {{"Cookie", used}}).status);
		Poco::Thread::sleep(1500);
		const RouteAnswer idle = admin.request("GET", "/ui/status", "", {{"Cookie", polled}});
		CPPUNIT_ASSERT_EQUAL(401, idle.status);
		CPPUNIT_ASSERT(contains(idle.body, "Your session has expired"));
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/ui/status", "", {{"Cookie", used}}).status);
		const RouteAnswer expired = admin.request("GET", "/", "", {{"Cookie", left}});
		CPPUNIT_ASSERT_EQUAL(302, expired.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/login?expired=1"), expired.header("Location"));
		CPPUNIT_ASSERT(!expired.setCookie("restream_admin").empty());
	}

	void testLanguageChosenAndKept()
	{
		Admin admin;
		const RouteAnswer french = admin.request("GET", "/login", "", {{"Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5"}});
		CPPUNIT_ASSERT(contains(french.body, "<html lang=\"fr\">"));
		CPPUNIT_ASSERT(contains(french.body, "Administration restream"));
		CPPUNIT_ASSERT_EQUAL(std::string("fr"), french.header("Content-Language"));
		CPPUNIT_ASSERT(!contains(french.body, "{{"));
		const RouteAnswer english = admin.request("GET", "/login", "", {{"Accept-Language", "de, en;q=0.8"}});
		CPPUNIT_ASSERT(contains(english.body, "<html lang=\"en\">"));

		const RouteAnswer switched = admin.request("GET", "/?lang=fr", "", {{"Accept-Language", "en"}});
		CPPUNIT_ASSERT_EQUAL(303, switched.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/"), switched.header("Location"));
		CPPUNIT_ASSERT_EQUAL(std::string("fr"), switched.cookie("restream_lang"));
		CPPUNIT_ASSERT(!contains(switched.setCookie("restream_lang"), "HttpOnly"));
		const RouteAnswer kept = admin.request("GET", "/login", "", {{"Accept-Language", "en"}, {"Cookie", "restream_lang=fr"}});
		CPPUNIT_ASSERT(contains(kept.body, "<html lang=\"fr\">"));
		const RouteAnswer withNext = admin.request("GET", "/login?lang=en&next=%2F%3Fx%3D1");
		CPPUNIT_ASSERT_EQUAL(std::string("/login?next=%2F%3Fx%3D1"), withNext.header("Location"));
		const RouteAnswer unknown = admin.request("GET", "/login?lang=xx&next=%2F%2Fevil");
		CPPUNIT_ASSERT_EQUAL(std::string("/login?next=%2F"), unknown.header("Location"));
		CPPUNIT_ASSERT(unknown.setCookie("restream_lang").empty());
	}

	void testPageHeaders()
	{
		Admin admin;
		for (const RouteAnswer& page : {admin.request("GET", "/login"), admin.request("GET", "/")})
		{
			const std::string csp = page.header("Content-Security-Policy");
			CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "default-src 'none'"));
			CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "script-src 'self';"));
			CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "frame-ancestors 'none'"));
			CPPUNIT_ASSERT_MESSAGE(csp, !contains(csp, "unsafe"));
			CPPUNIT_ASSERT_MESSAGE(csp, contains(csp, "img-src 'self' data:;")); // logos come through the admin
			CPPUNIT_ASSERT_MESSAGE(csp, !contains(csp, "http"));
			CPPUNIT_ASSERT_EQUAL(std::string("DENY"), page.header("X-Frame-Options"));
			CPPUNIT_ASSERT_EQUAL(std::string("same-origin"), page.header("Referrer-Policy"));
			CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), page.header("X-Content-Type-Options"));
			CPPUNIT_ASSERT_EQUAL(std::string("no-store"), page.header("Cache-Control"));
		}
		const RouteAnswer head = admin.request("HEAD", "/login");
		CPPUNIT_ASSERT_EQUAL(200, head.status);
		CPPUNIT_ASSERT(head.body.empty());
		CPPUNIT_ASSERT_EQUAL(std::string("text/html; charset=utf-8"), head.header("Content-Type"));
	}

	void testOnlyTheCurrentAssetVersionIsImmutable()
	{
		Admin admin;
		const std::string style = between(admin.request("GET", "/login").body, "rel=\"stylesheet\" href=\"", "\"");
		CPPUNIT_ASSERT(style.find("/assets/admin.css?v=") == 0);
		const RouteAnswer current = admin.request("GET", style);
		CPPUNIT_ASSERT_EQUAL(200, current.status);
		CPPUNIT_ASSERT(contains(current.header("Cache-Control"), "immutable"));
		CPPUNIT_ASSERT(contains(current.header("Content-Type"), "text/css"));
		for (const char* other : {"/assets/admin.css?v=old", "/assets/admin.css?v=", "/assets/admin.css?x=1&v=1", "/assets/admin.css"})
		{
			const RouteAnswer result = admin.request("GET", other);
			CPPUNIT_ASSERT_EQUAL(200, result.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(other, std::string("public, max-age=300"), result.header("Cache-Control"));
		}
		const RouteAnswer revalidated = admin.request("GET", "/assets/admin.js", "", {{"If-None-Match", current.header("ETag")}});
		CPPUNIT_ASSERT_EQUAL(200, revalidated.status); // another file's ETag
		const std::string etag = admin.request("GET", "/assets/admin.js").header("ETag");
		CPPUNIT_ASSERT_EQUAL(304, admin.request("GET", "/assets/admin.js", "", {{"If-None-Match", etag}}).status);
		CPPUNIT_ASSERT_EQUAL(200, admin.request("GET", "/favicon.svg").status);
		for (const char* missing : {"/assets/nothing.js", "/assets/", "/assets/../_strings.json", "/_templates/login.html"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(missing, 404, admin.request("GET", missing).status);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(UiAdminRouteTest);
