//
// UiAdminHttpTest.cpp
//
// The built ui-admin.so in an in-process host (HostFixture), its API being a
// FakeApi: what the admin sends the API (the browser's address, the token
// kept server side) and what it makes of the API's answers (401, 429, an
// API that cannot be reached).
//

#include "FakeApi.h"
#include "HostFixture.h"
#include <Poco/Net/HTTPCookie.h>
#include <Poco/String.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

using restream::test::FakeApi;
using restream::test::HostFixture;
using restream::test::HttpResult;

namespace {

const std::string FORM = "application/x-www-form-urlencoded";

std::map<std::string, std::string> settingsFor(const FakeApi& api)
{
	return {
		{"plugins.load", "ui-admin"},
		{"plugins.ui-admin.apiUrl", "http://127.0.0.1:" + std::to_string(api.port())},
		{"plugins.ui-admin.apiTimeout", "2"},
	};
}

std::string cookieValue(const HttpResult& result, const std::string& name)
{
	for (const auto& header : result.headers)
	{
		if (Poco::icompare(header.first, "Set-Cookie") != 0 || header.second.compare(0, name.size() + 1, name + "=") != 0) continue;
		return header.second.substr(name.size() + 1, header.second.find(';') - name.size() - 1);
	}
	return "";
}

std::string between(const std::string& text, const std::string& before, const std::string& after)
{
	const auto start = text.find(before);
	if (start == std::string::npos) return "";
	const auto end = text.find(after, start + before.size());
	return end == std::string::npos ? "" : text.substr(start + before.size(), end - start - before.size());
}

std::string setCookieOf(const HttpResult& result, const std::string& name)
{
	for (const auto& header : result.headers)
	{
		if (Poco::icompare(header.first, "Set-Cookie") == 0 && header.second.compare(0, name.size() + 1, name + "=") == 0) return header.second;
	}
	return "";
}

class Browser
	/// The admin's sign-in as a browser does it: the form's CSRF cookie and field, then the POST.
{
public:
	explicit Browser(HostFixture& host): _host(host)
	{
		const HttpResult page = _host.request("GET", "admin", "/login");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		_csrf = cookieValue(page, "restream_admin_csrf");
		CPPUNIT_ASSERT_EQUAL(std::size_t(43), _csrf.size());
		CPPUNIT_ASSERT(page.body.find("value=\"" + _csrf + "\"") != std::string::npos);
	}

	HttpResult signIn(const std::string& password, const std::string& sessionCookie = "")
	{
		return _host.request("POST", "admin", "/login", "csrf=" + _csrf + "&next=%2F&username=admin&password=" + password,
			{{"Content-Type", FORM}, {"Cookie", "restream_admin_csrf=" + _csrf + (sessionCookie.empty() ? "" : "; " + sessionCookie)},
				{"Origin", origin()}});
	}

	std::string session()
		/// Signs in and returns the Cookie header of the new session.
	{
		return "restream_admin=" + cookieValue(signIn("right"), "restream_admin");
	}

	std::string origin() const
	{
		return "http://127.0.0.1:" + std::to_string(_host.port("admin"));
	}

private:
	HostFixture& _host;
	std::string _csrf;
};

} // namespace

class UiAdminHttpTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(UiAdminHttpTest);
	CPPUNIT_TEST(testSignInForwardsTheBrowserAndKeepsTheToken);
	CPPUNIT_TEST(testWrongPasswordAndThrottle);
	CPPUNIT_TEST(testApiRefusingTheTokenEndsTheSession);
	CPPUNIT_TEST(testApiUnreachable);
	CPPUNIT_TEST(testEveryForwardedAddressChecked);
	CPPUNIT_TEST(testForeignHostNamesMisdirected);
	CPPUNIT_TEST(testBadJsonNumbersAreClientErrors);
	CPPUNIT_TEST(testSearchUpTo800Bytes);
	CPPUNIT_TEST(testPreviewRefusedEndsTheSession);
	CPPUNIT_TEST(testSigningInAgainEndsTheOldSession);
	CPPUNIT_TEST(testOnlyTheCurrentAssetVersionIsImmutable);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSignInForwardsTheBrowserAndKeepsTheToken()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		Browser browser(host);
		const HttpResult signedIn = browser.signIn("right");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(signedIn.body, 303, signedIn.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/"), signedIn.headers.get("Location"));
		CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), api.lastForwardedFor());
		const std::string cookie = setCookieOf(signedIn, "restream_admin");
		CPPUNIT_ASSERT(cookie.find("HttpOnly") != std::string::npos);
		CPPUNIT_ASSERT(cookie.find("SameSite=Strict") != std::string::npos);
		CPPUNIT_ASSERT(cookie.find(FakeApi::TOKEN) == std::string::npos);

		const std::string session = "restream_admin=" + cookieValue(signedIn, "restream_admin");
		const HttpResult dashboard = host.request("GET", "admin", "/", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, dashboard.status);
		CPPUNIT_ASSERT(dashboard.body.find("csrf-token") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE("the token never reaches the browser", dashboard.body.find(FakeApi::TOKEN) == std::string::npos);
		const HttpResult status = host.request("GET", "admin", "/ui/status", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, status.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer ") + FakeApi::TOKEN, api.lastAuthorization());
		CPPUNIT_ASSERT(host.log().find(FakeApi::TOKEN) == std::string::npos);
	}

	void testWrongPasswordAndThrottle()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		Browser browser(host);
		const HttpResult wrong = browser.signIn("wrong");
		CPPUNIT_ASSERT_EQUAL(401, wrong.status);
		CPPUNIT_ASSERT(wrong.body.find("Incorrect user name or password.") != std::string::npos);
		CPPUNIT_ASSERT(cookieValue(wrong, "restream_admin").empty());
		const HttpResult throttled = browser.signIn("throttled");
		CPPUNIT_ASSERT_EQUAL(429, throttled.status);
		CPPUNIT_ASSERT_EQUAL(std::string("42"), throttled.headers.get("Retry-After"));
		CPPUNIT_ASSERT(throttled.body.find("Too many attempts, try again in 42 s.") != std::string::npos);
	}

	void testApiRefusingTheTokenEndsTheSession()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		Browser browser(host);
		const std::string session = "restream_admin=" + cookieValue(browser.signIn("right"), "restream_admin");
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/ui/status", "", {{"Cookie", session}}).status);
		api.revoke();
		const HttpResult refused = host.request("GET", "admin", "/ui/status", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(401, refused.status);
		CPPUNIT_ASSERT(refused.body.find("\"signed_out\":true") != std::string::npos);
		CPPUNIT_ASSERT(refused.body.find("Your session has expired") != std::string::npos);
		const std::string other = "restream_admin=" + cookieValue(browser.signIn("right"), "restream_admin");
		const HttpResult refusedFr = host.request("GET", "admin", "/ui/status", "", {{"Cookie", other}, {"Accept-Language", "fr"}});
		CPPUNIT_ASSERT_EQUAL(401, refusedFr.status);
		CPPUNIT_ASSERT_MESSAGE(refusedFr.body, refusedFr.body.find("Votre session a expir") != std::string::npos);
		const HttpResult dashboard = host.request("GET", "admin", "/", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(302, dashboard.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/login"), dashboard.headers.get("Location"));
		const HttpResult expiredPage = host.request("GET", "admin", "/login?expired=1", "", {{"Accept-Language", "fr"}});
		CPPUNIT_ASSERT(expiredPage.body.find("Votre session a expiré, veuillez vous reconnecter.") != std::string::npos);
	}

	void testApiUnreachable()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		Browser browser(host);
		api.stop();
		const HttpResult failed = browser.signIn("right");
		CPPUNIT_ASSERT_EQUAL(502, failed.status);
		CPPUNIT_ASSERT(failed.body.find("http://127.0.0.1:" + std::to_string(api.port())) != std::string::npos);
		CPPUNIT_ASSERT(failed.body.find("right") == std::string::npos);
	}

	void testEveryForwardedAddressChecked()
	{
		// the test talks from 127.0.0.1, a trusted proxy by default, as nginx or HAProxy on the same box would
		FakeApi api;
		HostFixture host(settingsFor(api));
		const std::map<std::string, std::string> refused[] = {{{"X-Real-IP", "203.0.113.9"}}, {{"Forwarded", "for=203.0.113.9;proto=https"}},
			{{"Forwarded", "for=unknown"}}, {{"X-Forwarded-For", "203.0.113.9:51234"}}, {{"X-Forwarded-For", "[2001:db8::1]"}},
			{{"CF-Connecting-IP", "192.168.1.2"}, {"X-Forwarded-For", "203.0.113.9"}}};
		for (const auto& headers : refused)
		{
			const HttpResult result = host.request("GET", "admin", "/login", "", headers);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(headers.begin()->second, 403, result.status);
			CPPUNIT_ASSERT(result.body.find("csrf") == std::string::npos);
		}
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/login", "", {{"X-Real-IP", "192.168.1.20"}}).status);
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/login", "", {{"Forwarded", "for=\"192.168.1.20:4711\""}}).status);
	}

	void testForeignHostNamesMisdirected()
	{
		FakeApi api;
		{
			HostFixture host(settingsFor(api));
			const HttpResult rebound = host.request("GET", "admin", "/login", "", {{"Host", "evil.example:8001"}});
			CPPUNIT_ASSERT_EQUAL(421, rebound.status);
			CPPUNIT_ASSERT(rebound.body.find("evil.example") != std::string::npos);
			CPPUNIT_ASSERT(rebound.body.find("plugins.ui-admin.allowedHosts") != std::string::npos);
			CPPUNIT_ASSERT(rebound.body.find("csrf") == std::string::npos);
			CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/login", "", {{"Host", "nas.lan:8001"}}).status);
		}
		auto settings = settingsFor(api);
		settings["plugins.ui-admin.allowedHosts"] = "admin.example.org";
		HostFixture host(settings);
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/login", "", {{"Host", "admin.example.org"}}).status);
		CPPUNIT_ASSERT_EQUAL(421, host.request("GET", "admin", "/login", "", {{"Host", "evil.example"}}).status);
	}

	void testBadJsonNumbersAreClientErrors()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		Browser browser(host);
		const std::string session = browser.session();
		const std::string csrf = between(host.request("GET", "admin", "/", "", {{"Cookie", session}}).body, "name=\"csrf-token\" content=\"", "\"");
		CPPUNIT_ASSERT_EQUAL(std::size_t(43), csrf.size());
		const std::map<std::string, std::string> headers = {{"Cookie", session}, {"X-CSRF-Token", csrf}, {"Origin", browser.origin()}};
		for (const char* body : {"{\"stream_id\": 18446744073709551615}", "{\"stream_id\": -9223372036854775809}", "{\"stream_id\": 1e400}",
				 "{\"stream_id\": true}", "{\"stream_id\": 1.5}", "{\"stream_id\": \"101\"}", "[101]", "{\"stream_id\": 1", ""})
		{
			const HttpResult result = host.request("POST", "admin", "/ui/start", body, headers);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, 400, result.status);
			CPPUNIT_ASSERT_MESSAGE(body, result.body.find("\"detail\"") != std::string::npos);
		}
		const HttpResult favourite = host.request("POST", "admin", "/ui/favourites",
			"{\"channel\": {\"stream_id\": 18446744073709551615, \"name\": \"x\"}, \"favourite\": true}", headers);
		CPPUNIT_ASSERT_EQUAL(400, favourite.status);
		CPPUNIT_ASSERT(favourite.body.find("stream_id") != std::string::npos);
		const HttpResult cleaned = host.request("POST", "admin", "/ui/favourites",
			"{\"channel\": {\"stream_id\": 7, \"name\": \"News\\n24\\u0007\"}, \"favourite\": true}", headers);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(cleaned.body, 200, cleaned.status);
		CPPUNIT_ASSERT(cleaned.body.find("\"News24\"") != std::string::npos);
	}

	void testSearchUpTo800Bytes()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		Browser browser(host);
		const std::string session = browser.session();
		std::string cjk;
		for (int i = 0; i < 200; ++i) cjk += "%E6%97%A5"; // 200 characters of 3 bytes, as the input's maxlength allows
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/ui/channels?search=" + cjk, "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT(api.lastUri().find("search=") != std::string::npos);
		const HttpResult tooLong =
			host.request("GET", "admin", "/ui/channels?search=" + std::string(801, 'a'), "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(400, tooLong.status);
		CPPUNIT_ASSERT(tooLong.body.find("800 bytes") != std::string::npos);
	}

	void testPreviewRefusedEndsTheSession()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		Browser browser(host);
		const std::string session = browser.session();
		api.revoke();
		const HttpResult refused = host.request("GET", "admin", "/preview/live.m3u8", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(401, refused.status);
		CPPUNIT_ASSERT(refused.body.find("\"signed_out\":true") != std::string::npos);
		const HttpResult dashboard = host.request("GET", "admin", "/", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(302, dashboard.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/login"), dashboard.headers.get("Location"));
	}

	void testSigningInAgainEndsTheOldSession()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		Browser browser(host);
		const std::string first = browser.session();
		const std::string second = "restream_admin=" + cookieValue(browser.signIn("right", first), "restream_admin");
		CPPUNIT_ASSERT(second != first);
		CPPUNIT_ASSERT_EQUAL(401, host.request("GET", "admin", "/ui/status", "", {{"Cookie", first}}).status);
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/ui/status", "", {{"Cookie", second}}).status);
	}

	void testOnlyTheCurrentAssetVersionIsImmutable()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		const std::string style = between(host.request("GET", "admin", "/login").body, "rel=\"stylesheet\" href=\"", "\"");
		CPPUNIT_ASSERT(style.find("/assets/admin.css?v=") == 0);
		const HttpResult current = host.request("GET", "admin", style);
		CPPUNIT_ASSERT_EQUAL(200, current.status);
		CPPUNIT_ASSERT(current.headers.get("Cache-Control").find("immutable") != std::string::npos);
		for (const char* other : {"/assets/admin.css?v=old", "/assets/admin.css?v=", "/assets/admin.css?x=1&v=1", "/assets/admin.css"})
		{
			const HttpResult result = host.request("GET", "admin", other);
			CPPUNIT_ASSERT_EQUAL(200, result.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(other, std::string("public, max-age=300"), result.headers.get("Cache-Control"));
		}
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(UiAdminHttpTest);
