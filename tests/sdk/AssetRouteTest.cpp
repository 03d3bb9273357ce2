//
// AssetRouteTest.cpp
//
// A web face's embedded files: exactly the request's path, 304 on a
// matching ETag, a year's caching only under the URL of this very content.
//

#include "RecordedResponse.h"
#include "restream/AssetRoute.h"
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <string>

namespace {

const unsigned char script[] = "console.log('player');";
const unsigned char icon[] = "<svg/>";
const restream::WebAsset assets[] = {
	{"/assets/player.js", "text/javascript; charset=utf-8", script, sizeof(script) - 1},
	{"/favicon.svg", "image/svg+xml", icon, sizeof(icon) - 1},
};

restream::RouteRequest get(const std::string& path, const std::string& version = "")
{
	restream::RouteRequest request;
	request.method = "GET";
	request.path = path;
	if (!version.empty()) request.query.emplace_back("v", version);
	return request;
}

} // namespace

class AssetRouteTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(AssetRouteTest);
	CPPUNIT_TEST(testRouteOnItsPort);
	CPPUNIT_TEST(testExactPathOnly);
	CPPUNIT_TEST(testImmutableOnlyUnderItsVersion);
	CPPUNIT_TEST(testNotModified);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_assets = std::make_shared<const restream::WebAssets>(restream::WebAssets::List(assets, 2));
	}

	void testRouteOnItsPort()
	{
		const restream::AssetRoute route("player", "/assets/*", _assets);
		CPPUNIT_ASSERT_EQUAL(std::string("GET"), route.method());
		CPPUNIT_ASSERT_EQUAL(std::string("/assets/*"), route.path());
		CPPUNIT_ASSERT_EQUAL(std::string("player"), route.port());
		CPPUNIT_ASSERT(route.access() == restream::Route::Access::Public);
		CPPUNIT_ASSERT(route.quick());
	}

	void testExactPathOnly()
	{
		restream::AssetRoute route("admin", "/assets/*", _assets);
		auto found = std::make_shared<restream::test::RecordedResponse>();
		route.handle(get("/assets/player.js"), found);
		CPPUNIT_ASSERT_EQUAL(200, found->status());
		CPPUNIT_ASSERT_EQUAL(std::string("console.log('player');"), found->body());
		CPPUNIT_ASSERT_EQUAL(std::string("text/javascript; charset=utf-8"), found->header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), found->header("X-Content-Type-Options"));
		for (const std::string path : {"/assets/../favicon.svg", "/assets/player.js/", "/assets/other.js"})
		{
			auto missing = std::make_shared<restream::test::RecordedResponse>();
			route.handle(get(path), missing);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, missing->status());
		}
	}

	void testImmutableOnlyUnderItsVersion()
	{
		restream::AssetRoute route("player", "/favicon.svg", _assets);
		const std::string etag = _assets->etag(*_assets->find("/favicon.svg"));
		const std::string version = etag.substr(1, etag.size() - 2);
		auto current = std::make_shared<restream::test::RecordedResponse>();
		route.handle(get("/favicon.svg", version), current);
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=31536000, immutable"), current->header("Cache-Control"));
		CPPUNIT_ASSERT_EQUAL(etag, current->header("ETag"));
		auto old = std::make_shared<restream::test::RecordedResponse>();
		route.handle(get("/favicon.svg", "0123456789abcdef"), old);
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=300"), old->header("Cache-Control"));
		auto bare = std::make_shared<restream::test::RecordedResponse>();
		route.handle(get("/favicon.svg"), bare);
		CPPUNIT_ASSERT_EQUAL(std::string("public, max-age=300"), bare->header("Cache-Control"));
	}

	void testNotModified()
	{
		restream::AssetRoute route("player", "/favicon.svg", _assets);
		restream::RouteRequest request = get("/favicon.svg");
		request.headers.set("If-None-Match", _assets->etag(*_assets->find("/favicon.svg")));
		auto response = std::make_shared<restream::test::RecordedResponse>();
		route.handle(request, response);
		CPPUNIT_ASSERT_EQUAL(304, response->status());
		CPPUNIT_ASSERT(response->body().empty());
	}

private:
	std::shared_ptr<const restream::WebAssets> _assets;
};

CPPUNIT_TEST_SUITE_REGISTRATION(AssetRouteTest);
