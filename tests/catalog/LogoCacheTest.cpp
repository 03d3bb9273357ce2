//
// LogoCacheTest.cpp
//
// The host's LogoCache against a real HTTP server on 127.0.0.1 that serves
// a PNG, a slow PNG, a PNG that trickles forever, a redirect, a page and a
// chunked body too large, and counts what it is asked: the host rule, the
// signature check, no redirect, the whole-call deadline, one fetch for
// concurrent callers, the bounds and the lifetimes.
//

#include "catalog/LogoCache.h"
#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Thread.h>
#include <atomic>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using restream::host::LogoCache;

namespace {

const std::string PNG( // 1x1 blue RGB PNG
	"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01"
	"\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\xda\x63\x90\x8f\xdf\x0f"
	"\x00\x01\xde\x01\x3e\xb4\x58\x59\xcd\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
	67);

class ImageServer
	/// Answers by path: /logo.png a PNG, /slow.png the PNG after 500 ms,
	/// /trickle.png a PNG signature then a byte every 100 ms (for 10 s at
	/// most), /moved.png a 302 to /logo.png, /page.html an HTML page,
	/// /huge.png 1 MiB chunked after a PNG signature, anything else 404.
	/// Counts the requests of each path and query.
{
public:
	ImageServer()
	{
		Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
		_port = socket.address().port();
		_server.reset(new Poco::Net::HTTPServer(new Factory(*this), socket, new Poco::Net::HTTPServerParams));
		_server->start();
	}

	~ImageServer()
	{
		_server->stopAll(true);
	}

	std::string url(const std::string& pathAndQuery, const std::string& host = "127.0.0.1") const
	{
		return "http://" + host + ":" + std::to_string(_port) + pathAndQuery;
	}

	int requests(const std::string& pathAndQuery)
	{
		std::lock_guard<std::mutex> lock(_mutex);
		return _requests[pathAndQuery];
	}

	int allRequests()
	{
		std::lock_guard<std::mutex> lock(_mutex);
		int all = 0;
		for (const auto& entry : _requests) all += entry.second;
		return all;
	}

private:
	class Handler : public Poco::Net::HTTPRequestHandler
	{
	public:
		explicit Handler(ImageServer& server): _server(server)
		{
		}

		void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
		{
			const std::string uri = request.getURI();
			{
				std::lock_guard<std::mutex> lock(_server._mutex);
				++_server._requests[uri];
			}
			const std::string path = uri.substr(0, uri.find('?'));
			response.setContentType("image/png");
			if (path == "/logo.png") return response.sendBuffer(PNG.data(), PNG.size());
			if (path == "/slow.png")
			{
				Poco::Thread::sleep(500);
				return response.sendBuffer(PNG.data(), PNG.size());
			}
			if (path == "/moved.png") return response.redirect("/logo.png");
			if (path == "/page.html")
			{
				const std::string page = "<!DOCTYPE html><html><body>not an image</body></html>";
				response.setContentType("text/html");
				return response.sendBuffer(page.data(), page.size());
			}
			if (path == "/trickle.png" || path == "/huge.png")
			{
				response.setChunkedTransferEncoding(true);
				std::ostream& out = response.send();
				out << PNG.substr(0, 8) << std::flush;
				if (path == "/huge.png")
				{
					out << std::string(1024 * 1024, 'x') << std::flush;
					return;
				}
				for (int byte = 0; byte < 100 && out; ++byte)
				{
					Poco::Thread::sleep(100);
					out << 'x' << std::flush;
				}
				return;
			}
			response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
			response.send();
		}

	private:
		ImageServer& _server;
	};

	class Factory : public Poco::Net::HTTPRequestHandlerFactory
	{
	public:
		explicit Factory(ImageServer& server): _server(server)
		{
		}

		Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
		{
			return new Handler(_server);
		}

	private:
		ImageServer& _server;
	};

	Poco::UInt16 _port = 0;
	std::unique_ptr<Poco::Net::HTTPServer> _server;
	std::mutex _mutex;
	std::map<std::string, int> _requests;
};

const LogoCache::HostLookup LOOPBACK = [] { return std::string("127.0.0.1"); };

double secondsSince(std::chrono::steady_clock::time_point start)
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

class LogoCacheTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LogoCacheTest);
	CPPUNIT_TEST(testMediaTypeBySignature);
	CPPUNIT_TEST(testProviderHostOrListedHostsOnly);
	CPPUNIT_TEST(testProviderHostAskedOnlyWhenNotCached);
	CPPUNIT_TEST(testNoRedirectNoPageNoHugeBody);
	CPPUNIT_TEST(testWholeCallDeadline);
	CPPUNIT_TEST(testOneFetchForConcurrentCallers);
	CPPUNIT_TEST(testLeastRecentlyUsedDroppedFirst);
	CPPUNIT_TEST(testCachedBytesBounded);
	CPPUNIT_TEST(testLifetimes);
	CPPUNIT_TEST_SUITE_END();

public:
	void testMediaTypeBySignature()
	{
		const std::string padding(16, '\0');
		CPPUNIT_ASSERT_EQUAL(std::string("image/png"), LogoCache::mediaType(PNG));
		CPPUNIT_ASSERT_EQUAL(std::string("image/jpeg"), LogoCache::mediaType("\xff\xd8\xff\xe0" + padding));
		CPPUNIT_ASSERT_EQUAL(std::string("image/gif"), LogoCache::mediaType("GIF87a" + padding));
		CPPUNIT_ASSERT_EQUAL(std::string("image/gif"), LogoCache::mediaType("GIF89a" + padding));
		CPPUNIT_ASSERT_EQUAL(std::string("image/webp"), LogoCache::mediaType(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16) + padding));
		for (const std::string& other : {std::string("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
				 std::string("<?xml version=\"1.0\"?><svg/>") + padding, std::string("<!DOCTYPE html><html></html>"),
				 std::string("RIFF\x10\0\0\0WAVEfmt ", 16) + padding, PNG.substr(0, 8), std::string(), std::string("GIF90a") + padding,
				 " " + PNG})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(other, std::string(), LogoCache::mediaType(other));
	}

	void testProviderHostOrListedHostsOnly()
	{
		ImageServer server;
		LogoCache::Image image;
		{
			LogoCache logos({}, LogoCache::Limits(), logger());
			CPPUNIT_ASSERT(logos.image(server.url("/logo.png"), LOOPBACK, image));
			CPPUNIT_ASSERT_EQUAL(std::string("image/png"), image.mediaType);
			CPPUNIT_ASSERT_EQUAL(PNG, *image.bytes);
			CPPUNIT_ASSERT(!logos.image(server.url("/logo.png?other"), [] { return std::string("provider.example"); }, image));
			CPPUNIT_ASSERT(!logos.image(server.url("/logo.png?empty"), [] { return std::string(); }, image));
			CPPUNIT_ASSERT(!logos.image(server.url("/logo.png?name", "localhost"), LOOPBACK, image)); // another name is another host
			for (const char* url : {"ftp://127.0.0.1/logo.png", "file:///etc/passwd", "javascript:alert(1)", "//127.0.0.1/logo.png",
					 "http:///logo.png", "http://[::1/x", ""})
				CPPUNIT_ASSERT_MESSAGE(url, !logos.image(url, LOOPBACK, image));
			CPPUNIT_ASSERT_EQUAL(1, server.allRequests());
		}
		LogoCache listed({"logos.example.org", "LocalHost"}, LogoCache::Limits(), logger());
		CPPUNIT_ASSERT(listed.image(server.url("/logo.png?listed", "LOCALHOST"), [] { return std::string("provider.example"); }, image));
		CPPUNIT_ASSERT_EQUAL(1, server.requests("/logo.png?listed"));
	}

	void testProviderHostAskedOnlyWhenNotCached()
	{
		ImageServer server;
		LogoCache logos({}, LogoCache::Limits(), logger());
		int asked = 0;
		const LogoCache::HostLookup counting = [&asked] {
			++asked;
			return std::string("127.0.0.1");
		};
		LogoCache::Image image;
		CPPUNIT_ASSERT(logos.image(server.url("/logo.png"), counting, image));
		CPPUNIT_ASSERT(logos.image(server.url("/logo.png"), counting, image));
		CPPUNIT_ASSERT_EQUAL(1, asked);
		CPPUNIT_ASSERT_EQUAL(1, server.requests("/logo.png"));
	}

	void testNoRedirectNoPageNoHugeBody()
	{
		ImageServer server;
		LogoCache logos({}, LogoCache::Limits(), logger());
		LogoCache::Image image;
		for (const char* path : {"/moved.png", "/page.html", "/huge.png", "/missing.png"})
			CPPUNIT_ASSERT_MESSAGE(path, !logos.image(server.url(path), LOOPBACK, image));
		CPPUNIT_ASSERT_EQUAL_MESSAGE("the redirect was not followed", 0, server.requests("/logo.png"));
		LogoCache::Limits tiny;
		tiny.maxImageSize = PNG.size() - 1;
		LogoCache small({}, tiny, logger());
		CPPUNIT_ASSERT(!small.image(server.url("/logo.png"), LOOPBACK, image));
	}

	void testWholeCallDeadline()
	{
		ImageServer server;
		LogoCache::Limits limits;
		limits.deadline = Poco::Timespan(1, 0);
		LogoCache logos({}, limits, logger());
		LogoCache::Image image;
		const auto started = std::chrono::steady_clock::now();
		CPPUNIT_ASSERT(!logos.image(server.url("/trickle.png"), LOOPBACK, image)); // a byte every 100 ms: never a read timeout
		const double elapsed = secondsSince(started);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(elapsed), elapsed >= 0.9 && elapsed < 2.0);
	}

	void testOneFetchForConcurrentCallers()
	{
		ImageServer server;
		LogoCache logos({}, LogoCache::Limits(), logger());
		std::vector<std::thread> callers;
		std::atomic<int> shown{0};
		for (int caller = 0; caller < 4; ++caller)
		{
			callers.emplace_back([&] {
				LogoCache::Image image;
				if (logos.image(server.url("/slow.png"), LOOPBACK, image) && *image.bytes == PNG) ++shown;
			});
		}
		for (auto& caller : callers) caller.join();
		CPPUNIT_ASSERT_EQUAL(4, shown.load());
		CPPUNIT_ASSERT_EQUAL(1, server.requests("/slow.png"));
	}

	void testLeastRecentlyUsedDroppedFirst()
	{
		ImageServer server;
		LogoCache::Limits limits;
		limits.maxEntries = 2;
		LogoCache logos({}, limits, logger());
		LogoCache::Image image;
		for (const char* query : {"?a", "?b", "?a", "?c", "?a", "?b"}) logos.image(server.url(std::string("/logo.png") + query), LOOPBACK, image);
		CPPUNIT_ASSERT_EQUAL(1, server.requests("/logo.png?a")); // used again before c came: kept
		CPPUNIT_ASSERT_EQUAL(2, server.requests("/logo.png?b")); // dropped for c, fetched again
		CPPUNIT_ASSERT_EQUAL(1, server.requests("/logo.png?c"));
	}

	void testCachedBytesBounded()
	{
		ImageServer server;
		LogoCache::Limits limits;
		limits.maxCachedBytes = 2 * PNG.size();
		LogoCache logos({}, limits, logger());
		LogoCache::Image image;
		for (const char* query : {"?a", "?b", "?c", "?b", "?a"}) logos.image(server.url(std::string("/logo.png") + query), LOOPBACK, image);
		CPPUNIT_ASSERT_EQUAL(2, server.requests("/logo.png?a")); // dropped when c came
		CPPUNIT_ASSERT_EQUAL(1, server.requests("/logo.png?b"));
	}

	void testLifetimes()
	{
		ImageServer server;
		LogoCache::Limits limits;
		limits.imageLifetime = Poco::Timespan(0, 300000);
		limits.failureLifetime = Poco::Timespan(0, 300000);
		LogoCache logos({}, limits, logger());
		LogoCache::Image image;
		for (int round = 0; round < 2; ++round)
		{
			CPPUNIT_ASSERT(logos.image(server.url("/logo.png"), LOOPBACK, image));
			CPPUNIT_ASSERT(logos.image(server.url("/logo.png"), LOOPBACK, image));
			CPPUNIT_ASSERT(!logos.image(server.url("/page.html"), LOOPBACK, image));
			CPPUNIT_ASSERT(!logos.image(server.url("/page.html"), LOOPBACK, image));
			CPPUNIT_ASSERT_EQUAL(round + 1, server.requests("/logo.png"));
			CPPUNIT_ASSERT_EQUAL_MESSAGE("a failure is remembered", round + 1, server.requests("/page.html"));
			Poco::Thread::sleep(400);
		}
	}

private:
	static Poco::Logger& logger()
	{
		return Poco::Logger::get("LogoCacheTest");
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(LogoCacheTest);
