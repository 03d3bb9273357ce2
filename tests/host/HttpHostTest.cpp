//
// HttpHostTest.cpp
//
// The host's HTTP side on real sockets: each port serves the routes
// registered for it, /health everywhere, plugin exceptions become 500s, the
// router's matching, the request framing refused before any route runs,
// deadlines, keep-alive capacity and the trusted-proxy rule.
//

#include "HostFixture.h"
#include "TextSearch.h"
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <atomic>
#include <set>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <thread>
#include <vector>

using restream::test::HostFixture;
using restream::test::contains;

namespace {

std::map<std::string, std::string> fixtures(std::map<std::string, std::string> extra = {})
{
	extra["plugins.dir"] = RESTREAM_TEST_FIXTURE_PLUGIN_DIR;
	if (!extra.count("plugins.load")) extra["plugins.load"] = "fixture-good, fixture-other";
	return extra;
}

std::string rawExchange(unsigned short port, const std::string& request)
	/// Sends request as bytes and reads until the server closes the
	/// connection; fails the test if it has not within 5 s.
{
	Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
	socket.setReceiveTimeout(Poco::Timespan(5, 0));
	socket.sendBytes(request.data(), static_cast<int>(request.size()));
	std::string answer;
	char buffer[4096];
	int n;
	try
	{
		while ((n = socket.receiveBytes(buffer, sizeof(buffer))) > 0) answer.append(buffer, static_cast<std::size_t>(n));
	}
	catch (const Poco::TimeoutException&)
	{
		CPPUNIT_FAIL("the connection stayed open after:\n" + answer);
	}
	return answer;
}

} // namespace

class HttpHostTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(HttpHostTest);
	CPPUNIT_TEST(testPortsServeTheRoutesRegisteredForThem);
	CPPUNIT_TEST(testHealthOnEveryPort);
	CPPUNIT_TEST(testPluginExceptionBecomes500);
	CPPUNIT_TEST(testRouteExceptionBecomes500);
	CPPUNIT_TEST(testRouterMatching);
	CPPUNIT_TEST(testProtectedRoutesFailClosedWithoutAuthenticator);
	CPPUNIT_TEST(testPortWithoutRoutesAnswers404);
	CPPUNIT_TEST(testMalformedRequestIs400);
	CPPUNIT_TEST(testAmbiguousFramingIs400AndCloses);
	CPPUNIT_TEST(testTricklingClientIsCutOff);
	CPPUNIT_TEST(testManyKeepAliveClients);
	CPPUNIT_TEST(testClientAddressThroughTrustedProxy);
	CPPUNIT_TEST(testUntrustedPeerForwardingIgnored);
	CPPUNIT_TEST(testStopEndsIdleKeepAliveConnections);
	CPPUNIT_TEST(testOpenApiMatchesTheRoutes);
	CPPUNIT_TEST(testDocsPage);
	CPPUNIT_TEST(testCorsForConfiguredOriginsAndPublicReads);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPortsServeTheRoutesRegisteredForThem()
	{
		// fixture-good: "/*" on admin and /fixture/... on api; fixture-other: "/*" on player
		HostFixture host(fixtures());
		const auto admin = host.request("GET", "admin", "/page");
		CPPUNIT_ASSERT_EQUAL(200, admin.status);
		CPPUNIT_ASSERT(contains(admin.body, "\"plugin\":\"fixture-good\""));
		CPPUNIT_ASSERT(contains(admin.body, "\"route\":\"/*\""));
		const auto player = host.request("GET", "player", "/page");
		CPPUNIT_ASSERT_EQUAL(200, player.status);
		CPPUNIT_ASSERT(contains(player.body, "\"plugin\":\"fixture-other\""));
		const auto api = host.request("GET", "api", "/fixture/echo?x=1");
		CPPUNIT_ASSERT_EQUAL(200, api.status);
		CPPUNIT_ASSERT(contains(api.body, "\"route\":\"/fixture/echo\""));
		CPPUNIT_ASSERT(contains(api.body, "\"query\":\"1\""));
		// a route is served on its own port only
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "api", "/page").status);
		const auto apiPathOnAdmin = host.request("GET", "admin", "/fixture/echo");
		CPPUNIT_ASSERT(contains(apiPathOnAdmin.body, "\"route\":\"/*\""));
		const auto apiPathOnPlayer = host.request("GET", "player", "/fixture/echo");
		CPPUNIT_ASSERT(contains(apiPathOnPlayer.body, "\"plugin\":\"fixture-other\""));
		// the host's own API routes are on the api port only
		CPPUNIT_ASSERT_EQUAL_MESSAGE(host.log(), 200, host.request("GET", "api", "/stream_status").status);
		CPPUNIT_ASSERT(contains(host.request("GET", "player", "/stream_status").body, "\"plugin\":\"fixture-other\""));
	}

	void testHealthOnEveryPort()
	{
		HostFixture host(fixtures());
		for (const char* port : {"admin", "api", "player"})
		{
			const auto health = host.request("GET", port, "/health");
			CPPUNIT_ASSERT_EQUAL(200, health.status);
			CPPUNIT_ASSERT(contains(health.body, std::string("\"port\":\"") + port + "\""));
			CPPUNIT_ASSERT(contains(health.headers.get("Content-Type", ""), "application/json"));
		}
		CPPUNIT_ASSERT_EQUAL(200, host.request("HEAD", "api", "/health").status);
	}

	void testPluginExceptionBecomes500()
	{
		HostFixture host(fixtures());
		for (const char* path : {"/boom", "/poco-boom"})
		{
			const auto failed = host.request("GET", "admin", path);
			CPPUNIT_ASSERT_EQUAL(500, failed.status);
			CPPUNIT_ASSERT_EQUAL(std::string("{\"detail\":\"Internal error in fixture-good; see the server log\"}"), failed.body);
		}
		CPPUNIT_ASSERT(contains(host.log(), "plugin fixture-good failed in GET /boom: deliberate failure in a page handler"));
		CPPUNIT_ASSERT(contains(host.log(), "plugin fixture-good failed in GET /poco-boom: Illegal state: deliberate Poco failure"));
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/still-alive").status);
		CPPUNIT_ASSERT_EQUAL(404, host.request("GET", "admin", "/missing").status);
	}

	void testRouteExceptionBecomes500()
	{
		HostFixture host(fixtures());
		const auto failed = host.request("GET", "api", "/fixture/throw");
		CPPUNIT_ASSERT_EQUAL(500, failed.status);
		CPPUNIT_ASSERT(contains(failed.body, "Internal error in fixture-good"));
		CPPUNIT_ASSERT(contains(host.log(), "plugin fixture-good failed in GET /fixture/throw: Runtime exception: deliberate failure in a route"));
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "api", "/fixture/echo").status);
	}

	void testRouterMatching()
	{
		HostFixture host(fixtures());
		const auto prefixed = host.request("GET", "api", "/fixture/files/a/b.txt");
		CPPUNIT_ASSERT_EQUAL(200, prefixed.status);
		CPPUNIT_ASSERT(contains(prefixed.body, "\"route\":\"/fixture/files/*\""));
		CPPUNIT_ASSERT_EQUAL(200, host.request("POST", "api", "/fixture/echo", "{}").status);
		const auto wrongMethod = host.request("DELETE", "api", "/fixture/echo");
		CPPUNIT_ASSERT_EQUAL(405, wrongMethod.status);
		CPPUNIT_ASSERT_EQUAL(std::string("GET, HEAD, OPTIONS, POST"), wrongMethod.headers.get("Allow", ""));
		const auto head = host.request("HEAD", "api", "/fixture/echo");
		CPPUNIT_ASSERT_EQUAL(200, head.status);
		CPPUNIT_ASSERT(head.body.empty());
		const auto options = host.request("OPTIONS", "api", "/fixture/echo");
		CPPUNIT_ASSERT_EQUAL(204, options.status);
		const auto unknown = host.request("GET", "api", "/nothing/here");
		CPPUNIT_ASSERT_EQUAL(404, unknown.status);
		CPPUNIT_ASSERT_EQUAL(std::string("{\"detail\":\"Not Found\"}"), unknown.body);
		// dot segments never reach a route as a traversal: /fixture/files/../echo is not /fixture/echo
		const auto dotted = host.request("GET", "api", "/fixture/files/../../me");
		CPPUNIT_ASSERT(dotted.status == 200 && contains(dotted.body, "\"route\":\"/fixture/files/*\""));
	}

	void testProtectedRoutesFailClosedWithoutAuthenticator()
	{
		HostFixture host(fixtures());
		for (const char* path : {"/fixture/private", "/me"})
		{
			const auto refused = host.request("GET", "api", path);
			CPPUNIT_ASSERT_EQUAL(503, refused.status);
			CPPUNIT_ASSERT(contains(refused.body, "No authenticator is running"));
		}
	}

	void testPortWithoutRoutesAnswers404()
	{
		// nothing registered routes for the player port (fixture-other is not loaded) nor for a port of one's own
		HostFixture host(fixtures({{"plugins.load", "fixture-good"}, {"http.ports", "admin, api, player, spare"},
			{"http.spare.address", "127.0.0.1"}, {"http.spare.port", "0"}}));
		CPPUNIT_ASSERT_EQUAL(std::string(), host.startError());
		for (const char* port : {"player", "spare"})
		{
			for (const char* path : {"/", "/page", "/stream_status"})
			{
				const auto refused = host.request("GET", port, path);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(port) + path, 404, refused.status);
				CPPUNIT_ASSERT_EQUAL(std::string("{\"detail\":\"Not Found\"}"), refused.body);
			}
			CPPUNIT_ASSERT_EQUAL(404, host.request("POST", port, "/", "{}").status);
			const auto health = host.request("GET", port, "/health");
			CPPUNIT_ASSERT_EQUAL(200, health.status);
			CPPUNIT_ASSERT(contains(health.body, std::string("\"port\":\"") + port + "\""));
		}
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/").status);
	}

	void testMalformedRequestIs400()
	{
		HostFixture host(fixtures());
		const std::string answer = rawExchange(host.port("api"), "NONSENSE\r\n\r\n");
		CPPUNIT_ASSERT(contains(answer, "HTTP/1.1 400"));
		CPPUNIT_ASSERT(contains(answer, "malformed HTTP request"));
		const std::string badUri = rawExchange(host.port("admin"), "GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		CPPUNIT_ASSERT(contains(badUri, "HTTP/1.1 400"));
	}

	void testAmbiguousFramingIs400AndCloses()
	{
		// RFC 9112: what two parsers could read two ways (request smuggling through a proxy) is refused, on a
		// kept-alive connection too, and the connection closed: the second request behind it is never read
		HostFixture host(fixtures());
		const std::string echo = "POST /fixture/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
		const std::string smuggled = "GET /fixture/echo?x=smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
		struct Case
		{
			std::string name;
			std::string request;
			std::string detail;
		};
		const Case cases[] = {
			{"Content-Length and Transfer-Encoding", echo + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled,
				"both Content-Length and Transfer-Encoding"},
			{"Transfer-Encoding gzip, chunked", echo + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" + smuggled,
				"a Transfer-Encoding other than chunked"},
			{"Transfer-Encoding identity", echo + "Transfer-Encoding: identity\r\nContent-Length: 2\r\n\r\n{}" + smuggled,
				"both Content-Length and Transfer-Encoding"},
			{"Transfer-Encoding xchunked", echo + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + smuggled,
				"a Transfer-Encoding other than chunked"},
			{"blank before a colon", "GET /fixture/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For : 1.2.3.4\r\n\r\n" + smuggled,
				"a header name has blanks"},
			{"tab before a colon", "GET /fixture/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length\t: 0\r\n\r\n" + smuggled,
				"a header name has blanks"},
			{"two Host headers", "GET /fixture/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n" + smuggled,
				"more than one Host header"},
			{"absolute-form target", "GET http://127.0.0.1/fixture/echo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + smuggled,
				"the request target must be a path (origin-form)"},
			{"authority-form target", "CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + smuggled,
				"the request target must be a path (origin-form)"},
			{"asterisk-form target", "OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + smuggled,
				"the request target must be a path (origin-form)"},
		};
		for (const auto& framing : cases)
		{
			const std::string answer = rawExchange(host.port("api"), framing.request);
			CPPUNIT_ASSERT_MESSAGE(framing.name + ":\n" + answer, answer.compare(0, 12, "HTTP/1.1 400") == 0);
			CPPUNIT_ASSERT_MESSAGE(framing.name + ":\n" + answer, contains(answer, "{\"detail\":\"" + framing.detail + "\"}"));
			CPPUNIT_ASSERT_MESSAGE(framing.name + ":\n" + answer, contains(Poco::toLower(answer), "\r\nconnection: close\r\n"));
			// one answer, and no route ran
			CPPUNIT_ASSERT_MESSAGE(framing.name + ":\n" + answer, answer.find("HTTP/1.1", 1) == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(framing.name, !contains(answer, "fixture-good"));
		}
		// the same requests framed plainly are served (the refusals above are about the framing alone)
		const std::string plain = rawExchange(host.port("api"),
			echo + "Content-Length: 2\r\n\r\n{}" + "GET /fixture/echo?x=second HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		CPPUNIT_ASSERT_MESSAGE(plain, plain.compare(0, 12, "HTTP/1.1 200") == 0);
		CPPUNIT_ASSERT_MESSAGE(plain, contains(plain, "\"query\":\"second\""));
		const std::string chunked = rawExchange(host.port("api"),
			echo + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
		CPPUNIT_ASSERT_MESSAGE(chunked, chunked.compare(0, 12, "HTTP/1.1 200") == 0);
		CPPUNIT_ASSERT_MESSAGE(chunked, contains(chunked, "\"body\":\"{}\""));
	}

	void testTricklingClientIsCutOff()
	{
		HostFixture host(fixtures({{"http.admin.requestTimeout", "1"}}));
		Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", host.port("admin")));
		socket.sendBytes("GET / HTTP/1.1\r\n", 16);
		const auto started = std::chrono::steady_clock::now();
		bool cut = false;
		while (std::chrono::steady_clock::now() - started < std::chrono::seconds(6))
		{
			std::this_thread::sleep_for(std::chrono::milliseconds(200));
			try
			{
				if (socket.sendBytes("X", 1) <= 0) cut = true;
				if (socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ))
				{
					char buffer[512];
					if (socket.receiveBytes(buffer, sizeof(buffer)) <= 0) cut = true;
				}
			}
			catch (const Poco::Exception&)
			{
				cut = true;
			}
			if (cut) break;
		}
		const auto elapsed = std::chrono::steady_clock::now() - started;
		CPPUNIT_ASSERT(cut);
		CPPUNIT_ASSERT(elapsed < std::chrono::milliseconds(3000));
		CPPUNIT_ASSERT(contains(host.log(), "passed its deadline; connection closed"));
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/").status);
	}

	void testManyKeepAliveClients()
	{
		HostFixture host(fixtures());
		const int clients = 200;
		std::atomic<int> served{0};
		std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>> sessions;
		for (int i = 0; i < clients; ++i)
		{
			sessions.emplace_back(new Poco::Net::HTTPClientSession("127.0.0.1", host.port("api")));
			sessions.back()->setKeepAlive(true);
			sessions.back()->setTimeout(Poco::Timespan(10, 0));
		}
		std::vector<std::thread> threads;
		for (int i = 0; i < clients; ++i)
		{
			threads.emplace_back([&, i] {
				try
				{
					for (int round = 0; round < 3; ++round)
					{
						Poco::Net::HTTPRequest request("GET", "/health", Poco::Net::HTTPMessage::HTTP_1_1);
						sessions[static_cast<std::size_t>(i)]->sendRequest(request);
						Poco::Net::HTTPResponse response;
						std::string body;
						Poco::StreamCopier::copyToString(sessions[static_cast<std::size_t>(i)]->receiveResponse(response), body);
						if (response.getStatus() == 200) ++served;
					}
				}
				catch (const Poco::Exception&)
				{
					// counted as not served
				}
			});
		}
		for (auto& thread : threads) thread.join();
		CPPUNIT_ASSERT_EQUAL(clients * 3, served.load());
	}

	void testClientAddressThroughTrustedProxy()
	{
		HostFixture host(fixtures());
		const auto forwarded = host.request("GET", "api", "/fixture/echo", "", {{"X-Forwarded-For", "198.51.100.4, 203.0.113.7"}});
		CPPUNIT_ASSERT(contains(forwarded.body, "\"client\":\"203.0.113.7\""));
		const auto cloudflare = host.request("GET", "api", "/fixture/echo", "", {{"CF-Connecting-IP", "2001:db8::5"}});
		CPPUNIT_ASSERT(contains(cloudflare.body, "\"client\":\"2001:db8::5\""));
		// A proxy that appends to X-Forwarded-For but passes CF-Connecting-IP through: the client's own
		// CF-Connecting-IP must not choose the address the sign-in throttle counts.
		const auto spoofed = host.request("GET", "api", "/fixture/echo", "", {{"CF-Connecting-IP", "192.168.1.2"}, {"X-Forwarded-For", "203.0.113.7"}});
		CPPUNIT_ASSERT(contains(spoofed.body, "\"client\":\"203.0.113.7\""));
		const auto garbage = host.request("GET", "api", "/fixture/echo", "", {{"X-Forwarded-For", "not-an-address"}});
		CPPUNIT_ASSERT(contains(garbage.body, "\"client\":\"127.0.0.1\""));
	}

	void testUntrustedPeerForwardingIgnored()
	{
		HostFixture host(fixtures({{"http.trustedProxies", "10.9.9.9, 192.168.0.0/16"}}));
		const auto forwarded = host.request("GET", "api", "/fixture/echo", "", {{"X-Forwarded-For", "203.0.113.7"}, {"CF-Connecting-IP", "203.0.113.8"}});
		CPPUNIT_ASSERT(contains(forwarded.body, "\"client\":\"127.0.0.1\""));
	}

	void testOpenApiMatchesTheRoutes()
	{
		HostFixture host(fixtures());
		const auto answer = host.request("GET", "api", "/openapi.json");
		CPPUNIT_ASSERT_EQUAL(200, answer.status);
		auto document = Poco::JSON::Parser().parse(answer.body).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::string("3.0.3"), document->getValue<std::string>("openapi"));
		auto paths = document->getObject("paths");
		std::set<std::string> documented;
		for (const auto& path : *paths)
		{
			for (const auto& operation : *paths->getObject(path.first)) documented.insert(Poco::toUpper(operation.first) + " " + path.first);
		}
		const std::set<std::string> served = {"GET /health", "GET /docs", "GET /openapi.json", "GET /me", "GET /categories", "GET /channels",
			"GET /channels/{path}", "GET /account", "POST /catalog/refresh", "POST /start_stream", "POST /stop_stream", "GET /stream_status", "GET /running_channels",
			"GET /metrics",
			"GET /fixture/echo", "POST /fixture/echo", "GET /fixture/files/{path}", "GET /fixture/throw", "GET /fixture/private"};
		CPPUNIT_ASSERT(served == documented);
		// and every documented route answers something other than 404
		for (const auto& route : documented)
		{
			const std::string method = route.substr(0, route.find(' '));
			std::string path = route.substr(route.find(' ') + 1);
			if (path.find("{path}") != std::string::npos) path.replace(path.find("{path}"), 6, "x");
			CPPUNIT_ASSERT_MESSAGE(route, host.request(method, "api", path, method == "POST" ? "{}" : "").status != 404);
		}
		CPPUNIT_ASSERT(paths->getObject("/me")->getObject("get")->has("security"));
		CPPUNIT_ASSERT(!paths->getObject("/stream_status")->getObject("get")->has("security"));
	}

	void testDocsPage()
	{
		HostFixture host(fixtures());
		const auto page = host.request("GET", "api", "/docs");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT(contains(page.headers.get("Content-Type", ""), "text/html"));
		CPPUNIT_ASSERT(contains(page.body, "<code>/start_stream</code>"));
		CPPUNIT_ASSERT(contains(page.body, "<code>/fixture/files/{path}</code>"));
		CPPUNIT_ASSERT(!contains(page.body, "<script"));
	}

	void testCorsForConfiguredOriginsAndPublicReads()
	{
		HostFixture host(fixtures({{"public.playerUrl", "https://Player.Example.org/"}}));
		const auto allowed = host.request("GET", "api", "/me", "", {{"Origin", "https://player.example.org"}});
		CPPUNIT_ASSERT_EQUAL(std::string("https://player.example.org"), allowed.headers.get("Access-Control-Allow-Origin", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("Origin"), allowed.headers.get("Vary", ""));
		CPPUNIT_ASSERT(!allowed.headers.has("Access-Control-Allow-Credentials"));
		const auto foreign = host.request("GET", "api", "/me", "", {{"Origin", "https://evil.example"}});
		CPPUNIT_ASSERT(!foreign.headers.has("Access-Control-Allow-Origin"));
		// a public read is the same for every origin: one copy in a cache
		for (const char* origin : {"https://evil.example", "https://player.example.org"})
		{
			const auto publicRead = host.request("GET", "api", "/stream_status", "", {{"Origin", origin}});
			CPPUNIT_ASSERT_EQUAL(std::string("*"), publicRead.headers.get("Access-Control-Allow-Origin", ""));
			CPPUNIT_ASSERT(!publicRead.headers.has("Vary"));
		}
		const auto preflight = host.request("OPTIONS", "api", "/start_stream", "",
			{{"Origin", "https://player.example.org"}, {"Access-Control-Request-Method", "POST"}});
		CPPUNIT_ASSERT_EQUAL(204, preflight.status);
		CPPUNIT_ASSERT(contains(preflight.headers.get("Access-Control-Allow-Methods", ""), "POST"));
		CPPUNIT_ASSERT(contains(preflight.headers.get("Access-Control-Allow-Headers", ""), "Authorization"));
		const auto foreignPreflight = host.request("OPTIONS", "api", "/start_stream", "", {{"Origin", "https://evil.example"}});
		CPPUNIT_ASSERT(!foreignPreflight.headers.has("Access-Control-Allow-Origin"));
	}

	void testStopEndsIdleKeepAliveConnections()
	{
		HostFixture host(fixtures({{"http.api.keepAliveTimeout", "30"}}));
		Poco::Net::HTTPClientSession session("127.0.0.1", host.port("api"));
		session.setKeepAlive(true);
		Poco::Net::HTTPRequest request("GET", "/health", Poco::Net::HTTPMessage::HTTP_1_1);
		session.sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::string body;
		Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
		CPPUNIT_ASSERT_EQUAL(200, static_cast<int>(response.getStatus()));
		const auto started = std::chrono::steady_clock::now();
		host.stop();
		CPPUNIT_ASSERT(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(HttpHostTest);
