//
// UiAdminHttpTest.cpp
//
// The built ui-admin.so in an in-process host (HostFixture): its routes on
// the admin port behind the host's router, what it sends the API (the
// client's address as the host reads it, the token kept server side, the
// browser's Host to an API on this machine), the same process's API by
// default, and what the host answers for it (HEAD, 405). The plugin's logic
// is UiAdminRouteTest; the LAN and host-name rules of the port are the host's.
//

#include "FakeApi.h"
#include "HostFixture.h"
#include <Poco/String.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

using restream::test::FakeApi;
using restream::test::HostFixture;
using restream::test::HttpResult;

namespace {

const std::string FORM = "application/x-www-form-urlencoded";
const std::string PASSWORD = "correct horse battery";

std::map<std::string, std::string> settingsFor(const FakeApi& api)
{
	return {
		{"plugins.load", "ui-admin"},
		{"plugins.ui-admin.apiUrl", api.url()},
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

	HttpResult signIn(const std::string& password, const std::map<std::string, std::string>& extra = {})
	{
		std::map<std::string, std::string> headers = {
			{"Content-Type", FORM}, {"Cookie", "restream_admin_csrf=" + _csrf}, {"Origin", origin()}};
		for (const auto& header : extra) headers[header.first] = header.second;
		return _host.request("POST", "admin", "/login", "csrf=" + _csrf + "&next=%2F&username=admin&password=" + password, headers);
	}

	std::string session(const std::string& password = "right")
		/// Signs in and returns the Cookie header of the new session.
	{
		return "restream_admin=" + cookieValue(signIn(password), "restream_admin");
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
	CPPUNIT_TEST(testSignInForwardsTheClientAndKeepsTheToken);
	CPPUNIT_TEST(testTheClientAddressIsTheHosts);
	CPPUNIT_TEST(testLoopbackApiSeesTheBrowsersHost);
	CPPUNIT_TEST(testTheSameProcessApiByDefault);
	CPPUNIT_TEST(testApiRefusingTheTokenEndsTheSession);
	CPPUNIT_TEST(testTheHostAnswersHeadAndWrongMethods);
	CPPUNIT_TEST(testLowLatencyPreviewThroughTheHost);
	CPPUNIT_TEST(testLowLatencyPreviewOfTheSameProcessApi);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSignInForwardsTheClientAndKeepsTheToken()
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
		CPPUNIT_ASSERT_EQUAL(FakeApi::STATUS, status.body);
		CPPUNIT_ASSERT_EQUAL(std::string("Bearer ") + FakeApi::TOKEN, api.lastAuthorization());
		CPPUNIT_ASSERT(host.log().find(FakeApi::TOKEN) == std::string::npos);
	}

	void testTheClientAddressIsTheHosts()
	{
		// the test talks from 127.0.0.1, a trusted proxy by default, as nginx on the same box would: the host
		// reads the client behind it (RouteRequest::clientAddress), and the admin passes that on to the API
		FakeApi api;
		HostFixture host(settingsFor(api));
		Browser browser(host);
		CPPUNIT_ASSERT_EQUAL(303, browser.signIn("right", {{"X-Forwarded-For", "192.168.1.20"}}).status);
		CPPUNIT_ASSERT_EQUAL(std::string("192.168.1.20"), api.lastForwardedFor());
		CPPUNIT_ASSERT_EQUAL(303, browser.signIn("right", {{"X-Forwarded-For", "10.9.9.9, 192.168.1.21"}}).status);
		CPPUNIT_ASSERT_EQUAL(std::string("192.168.1.21"), api.lastForwardedFor());
	}

	void testLoopbackApiSeesTheBrowsersHost()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		const std::string session = Browser(host).session();
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/ui/status", "", {{"Cookie", session}, {"Host", "nas.lan:8001"}}).status);
		CPPUNIT_ASSERT_EQUAL(std::string("nas.lan"), api.lastHost());
	}

	void testTheSameProcessApiByDefault()
	{
		// no apiUrl: the admin calls the API this very process serves, on whatever port it was given
		HostFixture host({{"plugins.load", "auth-jwt, ui-admin"}, {"plugins.auth-jwt.adminPasswordHash", HostFixture::passwordHash(PASSWORD)}});
		Browser browser(host);
		CPPUNIT_ASSERT_EQUAL(401, browser.signIn("wrong").status);
		const HttpResult signedIn = browser.signIn("correct%20horse%20battery");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(signedIn.body, 303, signedIn.status);
		const std::string session = "restream_admin=" + cookieValue(signedIn, "restream_admin");
		const HttpResult status = host.request("GET", "admin", "/ui/status", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(status.body + "\n" + host.log(), 200, status.status);
		CPPUNIT_ASSERT(status.body.find("\"state\"") != std::string::npos);
	}

	void testApiRefusingTheTokenEndsTheSession()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		const std::string session = Browser(host).session();
		api.revoke();
		const HttpResult refused = host.request("GET", "admin", "/ui/status", "", {{"Cookie", session}, {"Accept-Language", "fr"}});
		CPPUNIT_ASSERT_EQUAL(401, refused.status);
		CPPUNIT_ASSERT(refused.body.find("\"signed_out\":true") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(refused.body, refused.body.find("Votre session a expir") != std::string::npos);
		const HttpResult dashboard = host.request("GET", "admin", "/", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(302, dashboard.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/login"), dashboard.headers.get("Location"));
	}

	void testTheHostAnswersHeadAndWrongMethods()
	{
		FakeApi api;
		HostFixture host(settingsFor(api));
		const HttpResult head = host.request("HEAD", "admin", "/login");
		CPPUNIT_ASSERT_EQUAL(200, head.status);
		CPPUNIT_ASSERT(head.body.empty());
		CPPUNIT_ASSERT(head.headers.get("Content-Security-Policy", "").find("default-src 'none'") != std::string::npos);
		const HttpResult wrong = host.request("GET", "admin", "/logout");
		CPPUNIT_ASSERT_EQUAL(405, wrong.status);
		CPPUNIT_ASSERT_EQUAL(std::string("OPTIONS, POST"), wrong.headers.get("Allow", ""));
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "admin", "/nothing").status);
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/health").status);
	}

	void testLowLatencyPreviewThroughTheHost()
	{
		// the host decodes the query and the path: a blocked reload's directives reach the API rebuilt,
		// held longer than the API timeout (2 s) and answered; encoded traversals reach nothing
		FakeApi api;
		HostFixture host(settingsFor(api));
		const std::string session = Browser(host).session();
		const HttpResult held = host.request("GET", "admin",
			"/preview/live.ll.m3u8?_HLS_msn=" + FakeApi::HELD + "&_HLS_part=1&x=%26_HLS_msn%3D1", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(held.body, 200, held.status);
		CPPUNIT_ASSERT_EQUAL(FakeApi::LOW_LATENCY_PLAYLIST, held.body);
		CPPUNIT_ASSERT_EQUAL("/live.ll.m3u8?_HLS_msn=" + FakeApi::HELD + "&_HLS_part=1", api.lastUri());
		const HttpResult part = host.request("GET", "admin", "/preview/hls/program/0a1b2c3d4e-17.2.m4s", "", {{"Cookie", session}});
		CPPUNIT_ASSERT_EQUAL(200, part.status);
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp4"), part.headers.get("Content-Type", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("private, max-age=86400, immutable"), part.headers.get("Cache-Control", ""));
		CPPUNIT_ASSERT_EQUAL(400, host.request("GET", "admin", "/preview/live.ll.m3u8?_HLS_msn=%31%2E", "", {{"Cookie", session}}).status);
		const std::size_t asked = api.uris().size();
		for (const char* other : {"/preview/hls/program/..%2F..%2Fauth%2Flogin", "/preview/hls/%2E%2E/%2E%2E/stream_status",
				 "/preview/hls/program/0a1b2c3d4e-1.m4s%00.js", "/preview/hls/program/0a1b2c3d4e-1%2Em3u8"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(other, 404, host.request("GET", "admin", other, "", {{"Cookie", session}}).status);
		CPPUNIT_ASSERT_EQUAL(asked, api.uris().size());
	}

	void testLowLatencyPreviewOfTheSameProcessApi()
	{
		// output-hls of this very process: with nothing on air, both renditions are its 404, not a 502
		HostFixture host({{"plugins.load", "auth-jwt, output-hls, ui-admin"},
			{"plugins.auth-jwt.adminPasswordHash", HostFixture::passwordHash(PASSWORD)}});
		const std::string session = Browser(host).session("correct%20horse%20battery");
		for (const char* playlist : {"/preview/live.ll.m3u8", "/preview/live.ll.m3u8?_HLS_msn=3&_HLS_part=1", "/preview/live.m3u8"})
		{
			const HttpResult answer = host.request("GET", "admin", playlist, "", {{"Cookie", session}});
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(playlist) + ": " + answer.body + "\n" + host.log(), 404, answer.status);
		}
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "admin", "/preview/hls/program/0a1b2c3d4e-3.1.m4s", "", {{"Cookie", session}}).status);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(UiAdminHttpTest);
