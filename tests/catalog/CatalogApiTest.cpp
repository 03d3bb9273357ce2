//
// CatalogApiTest.cpp
//
// The catalog through the API, end to end: a real host with auth-jwt and
// source-xtream, against the fake Xtream provider.
//

#include "SignedInHost.h"
#include "TextSearch.h"
#include "fakeprovider/FakeProvider.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>

using restream::test::SignedInHost;
using restream::test::HttpResult;
using restream::test::contains;

namespace {

Poco::Dynamic::Var parse(const std::string& json)
{
	return Poco::JSON::Parser().parse(json);
}

} // namespace

class CatalogApiTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(CatalogApiTest);
	CPPUNIT_TEST(testCategoriesMatchTheProvider);
	CPPUNIT_TEST(testChannelsMatchTheProviderWithNamesIntact);
	CPPUNIT_TEST(testSearchIsCaseAndAccentInsensitive);
	CPPUNIT_TEST(testPagingAndCategoryFilter);
	CPPUNIT_TEST(testBadParametersAre400);
	CPPUNIT_TEST(testAccountFacts);
	CPPUNIT_TEST(testNumbersAsNumbersAndNullExpiry);
	CPPUNIT_TEST(testServerUrlPastedWithPlayerApi);
	CPPUNIT_TEST(testCacheAndRefresh);
	CPPUNIT_TEST(testWrongCredentials);
	CPPUNIT_TEST(testExpiredAccount);
	CPPUNIT_TEST(testHtmlAnswer);
	CPPUNIT_TEST(testUnreachableProvider);
	CPPUNIT_TEST(testSlowProviderTimesOut);
	CPPUNIT_TEST(testEveryRouteNeedsAToken);
	CPPUNIT_TEST(testNoSourceConfigured);
	CPPUNIT_TEST(testPasswordNeverLeaks);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_provider.reset(new fakeprovider::FakeProvider);
		_provider->start();
	}

	void tearDown() override
	{
		_host.reset();
		_provider.reset();
	}

	void testCategoriesMatchTheProvider()
	{
		startHost();
		const HttpResult result = get("/categories");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		Poco::JSON::Array::Ptr categories = parse(result.body).extract<Poco::JSON::Array::Ptr>();
		Poco::JSON::Array::Ptr expected = providerJson("get_live_categories").extract<Poco::JSON::Array::Ptr>();
		CPPUNIT_ASSERT_EQUAL(expected->size(), categories->size());
		std::size_t counted = 0;
		for (std::size_t i = 0; i < expected->size(); ++i)
		{
			auto ours = categories->getObject(static_cast<unsigned>(i));
			auto theirs = expected->getObject(static_cast<unsigned>(i));
			CPPUNIT_ASSERT_EQUAL(theirs->getValue<std::string>("category_id"), ours->getValue<std::string>("category_id"));
			CPPUNIT_ASSERT(ours->get("category_id").isString());
			CPPUNIT_ASSERT_EQUAL(theirs->getValue<std::string>("category_name"), ours->getValue<std::string>("category_name"));
			counted += ours->getValue<std::size_t>("channel_count");
		}
		CPPUNIT_ASSERT_EQUAL(providerJson("get_live_streams").extract<Poco::JSON::Array::Ptr>()->size(), counted);
	}

	void testChannelsMatchTheProviderWithNamesIntact()
	{
		startHost();
		const HttpResult result = get("/channels?limit=1000");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		auto body = parse(result.body).extract<Poco::JSON::Object::Ptr>();
		auto channels = body->getArray("channels");
		auto expected = providerJson("get_live_streams").extract<Poco::JSON::Array::Ptr>();
		CPPUNIT_ASSERT_EQUAL(expected->size(), body->getValue<std::size_t>("total"));
		CPPUNIT_ASSERT_EQUAL(expected->size(), channels->size());
		for (std::size_t i = 0; i < expected->size(); ++i)
		{
			auto ours = channels->getObject(static_cast<unsigned>(i));
			auto theirs = expected->getObject(static_cast<unsigned>(i));
			CPPUNIT_ASSERT(ours->get("stream_id").isInteger());
			CPPUNIT_ASSERT_EQUAL(theirs->getValue<Poco::Int64>("stream_id"), ours->getValue<Poco::Int64>("stream_id"));
			CPPUNIT_ASSERT_EQUAL(theirs->getValue<std::string>("name"), ours->getValue<std::string>("name"));
			CPPUNIT_ASSERT_EQUAL(theirs->getValue<std::string>("category_id"), ours->getValue<std::string>("category_id"));
			CPPUNIT_ASSERT_EQUAL(theirs->getValue<std::string>("epg_channel_id"), ours->getValue<std::string>("epg_channel_id"));
		}
		CPPUNIT_ASSERT(contains(result.body, "France 2 \xC3\x89t\xC3\xA9"));                    // "France 2 Été"
		CPPUNIT_ASSERT(contains(result.body, "Le \\\"Grand\\\" Journal & Co \xF0\x9F\x93\xBA")); // quotes, & and an emoji
	}

	void testSearchIsCaseAndAccentInsensitive()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(std::string("France 2 \xC3\x89t\xC3\xA9"), onlyName(get("/channels?search=FRANCE%202%20ete")));
		CPPUNIT_ASSERT_EQUAL(std::string("T\xC3\xA9l\xC3\xA9 Oc\xC3\xA9" "an"), onlyName(get("/channels?search=tele%20OCEAN")));
		CPPUNIT_ASSERT_EQUAL(std::string("T\xC3\xA9l\xC3\xA9 Oc\xC3\xA9" "an"), onlyName(get("/channels?search=oc%C3%A9an")));
		CPPUNIT_ASSERT_EQUAL(0, total(get("/channels?search=zzzz-none")));
	}

	void testPagingAndCategoryFilter()
	{
		startHost();
		const int all = total(get("/channels"));
		CPPUNIT_ASSERT(all >= 6);
		auto firstPage = parse(get("/channels?limit=2&offset=0").body).extract<Poco::JSON::Object::Ptr>();
		auto secondPage = parse(get("/channels?limit=2&offset=2").body).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(all, firstPage->getValue<int>("total"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), firstPage->getArray("channels")->size());
		CPPUNIT_ASSERT(firstPage->getArray("channels")->getObject(1)->getValue<Poco::Int64>("stream_id") !=
			secondPage->getArray("channels")->getObject(0)->getValue<Poco::Int64>("stream_id"));
		auto beyond = parse(get("/channels?offset=1000").body).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), beyond->getArray("channels")->size());

		auto categories = parse(get("/categories").body).extract<Poco::JSON::Array::Ptr>();
		auto first = categories->getObject(0);
		const std::string id = first->getValue<std::string>("category_id");
		auto filtered = parse(get("/channels?category_id=" + id).body).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(first->getValue<int>("channel_count"), filtered->getValue<int>("total"));
		auto list = filtered->getArray("channels");
		for (std::size_t i = 0; i < list->size(); ++i)
			CPPUNIT_ASSERT_EQUAL(id, list->getObject(static_cast<unsigned>(i))->getValue<std::string>("category_id"));
	}

	void testBadParametersAre400()
	{
		startHost();
		for (const char* query : {"limit=0", "limit=1001", "limit=abc", "offset=-1", "limit=99999999999999999999", "search=%zz"})
		{
			const HttpResult result = get(std::string("/channels?") + query);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(query, 400, result.status);
			CPPUNIT_ASSERT_MESSAGE(query, contains(result.body, "\"detail\""));
		}
		// A search is bounded in bytes, with room for 200 characters of any script (3 bytes each in UTF-8).
		std::string cjk;
		for (int i = 0; i < 200; ++i) cjk += "%E4%B8%AD";
		CPPUNIT_ASSERT_EQUAL(200, get("/channels?search=" + cjk).status);
		CPPUNIT_ASSERT_EQUAL(400, get("/channels?search=" + std::string(801, 'a')).status);
	}

	void testAccountFacts()
	{
		startHost();
		const HttpResult result = get("/account");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		auto account = parse(result.body).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), account->getValue<std::string>("status"));
		CPPUNIT_ASSERT_EQUAL(1, account->getValue<int>("max_connections"));
		CPPUNIT_ASSERT_EQUAL(0, account->getValue<int>("active_connections"));
		CPPUNIT_ASSERT_EQUAL(std::string("source-xtream"), account->getValue<std::string>("source"));
		CPPUNIT_ASSERT(account->getValue<std::string>("expires_at").size() >= 20); // ISO 8601
	}

	void testNumbersAsNumbersAndNullExpiry()
	{
		_provider->setApiMode(fakeprovider::ApiMode::NUMBERS);
		startHost();
		auto account = parse(get("/account").body).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT(account->isNull("expires_at"));
		CPPUNIT_ASSERT_EQUAL(1, account->getValue<int>("max_connections"));
		const HttpResult channels = get("/channels?search=ete");
		CPPUNIT_ASSERT_EQUAL(1, total(channels));
		auto categories = parse(get("/categories").body).extract<Poco::JSON::Array::Ptr>();
		CPPUNIT_ASSERT(categories->getObject(0)->get("category_id").isString());
	}

	void testServerUrlPastedWithPlayerApi()
	{
		startHost({{"plugins.source-xtream.url", _provider->baseUrl() + "/player_api.php?username=x&password=y"}});
		CPPUNIT_ASSERT_EQUAL(200, get("/categories").status);
		_host.reset();
		startHost({{"plugins.source-xtream.url", _provider->baseUrl() + "/"}});
		CPPUNIT_ASSERT_EQUAL(200, get("/categories").status);
	}

	void testCacheAndRefresh()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, get("/channels").status);
		const auto afterFirst = _provider->stats().playerApiRequests;
		CPPUNIT_ASSERT(afterFirst > 0);
		CPPUNIT_ASSERT_EQUAL(200, get("/channels?search=tele").status);
		CPPUNIT_ASSERT_EQUAL(200, get("/categories").status);
		CPPUNIT_ASSERT_EQUAL(afterFirst, _provider->stats().playerApiRequests);
		const HttpResult refreshed = _host->request("POST", "api", "/catalog/refresh", "", _host->bearer());
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refreshed.body, 200, refreshed.status);
		CPPUNIT_ASSERT(parse(refreshed.body).extract<Poco::JSON::Object::Ptr>()->getValue<int>("channels") >= 6);
		CPPUNIT_ASSERT(_provider->stats().playerApiRequests > afterFirst);
	}

	void testWrongCredentials()
	{
		startHost({{"plugins.source-xtream.password", "not-the-password"}});
		const HttpResult result = get("/categories");
		CPPUNIT_ASSERT_EQUAL(502, result.status);
		CPPUNIT_ASSERT_MESSAGE(result.body, contains(result.body, "refused the login"));
	}

	void testExpiredAccount()
	{
		_provider->setApiMode(fakeprovider::ApiMode::EXPIRED);
		startHost();
		const HttpResult result = get("/categories");
		CPPUNIT_ASSERT_EQUAL(502, result.status);
		CPPUNIT_ASSERT_MESSAGE(result.body, contains(result.body, "xpired"));
		const HttpResult account = get("/account");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(account.body, 200, account.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Expired"), parse(account.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("status"));
	}

	void testHtmlAnswer()
	{
		_provider->setApiMode(fakeprovider::ApiMode::HTML);
		startHost();
		const HttpResult result = get("/channels");
		CPPUNIT_ASSERT_EQUAL(502, result.status);
		CPPUNIT_ASSERT_MESSAGE(result.body, contains(result.body, "Xtream"));
	}

	void testUnreachableProvider()
	{
		const std::string url = _provider->baseUrl();
		_provider->stop();
		startHost({{"plugins.source-xtream.url", url}});
		const HttpResult result = get("/categories");
		CPPUNIT_ASSERT_EQUAL(502, result.status);
		CPPUNIT_ASSERT_MESSAGE(result.body, contains(result.body, "cannot reach"));
	}

	void testSlowProviderTimesOut()
	{
		_provider->setApiMode(fakeprovider::ApiMode::SLOW);
		_provider->setApiDelay(Poco::Timespan(5, 0));
		startHost({{"plugins.source-xtream.timeout", "1"}});
		const auto started = std::chrono::steady_clock::now();
		const HttpResult result = get("/categories");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 504, result.status);
		CPPUNIT_ASSERT(std::chrono::steady_clock::now() - started < std::chrono::seconds(4));
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "api", "/health").status);
	}

	void testEveryRouteNeedsAToken()
	{
		startHost();
		for (const auto& route : {std::make_pair("GET", "/categories"), std::make_pair("GET", "/channels"), std::make_pair("GET", "/account"),
				 std::make_pair("POST", "/catalog/refresh")})
		{
			const HttpResult anonymous = _host->request(route.first, "api", route.second);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(route.second, 401, anonymous.status);
			const HttpResult forged = _host->request(route.first, "api", route.second, "", {{"Authorization", "Bearer not.a.token"}});
			CPPUNIT_ASSERT_EQUAL_MESSAGE(route.second, 401, forged.status);
			const HttpResult signedIn = _host->request(route.first, "api", route.second, "", _host->bearer());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(signedIn.body, 200, signedIn.status);
		}
	}

	void testNoSourceConfigured()
	{
		startHost({{"plugins.source-xtream.url", ""}});
		const HttpResult result = get("/categories");
		CPPUNIT_ASSERT_EQUAL(503, result.status);
		CPPUNIT_ASSERT_MESSAGE(result.body, contains(result.body, "XTREAM_API_URL"));
	}

	void testPasswordNeverLeaks()
	{
		startHost({{"log.level", "debug"}});
		std::string answers;
		for (const char* path : {"/categories", "/channels?limit=1000", "/account"}) answers += get(path).body;
		answers += _host->request("POST", "api", "/catalog/refresh", "", _host->bearer()).body;
		_provider->setApiMode(fakeprovider::ApiMode::HTML);
		answers += _host->request("POST", "api", "/catalog/refresh", "", _host->bearer()).body;
		const std::string password = _provider->options().password;
		const std::string username = _provider->options().username;
		CPPUNIT_ASSERT_MESSAGE(answers, !contains(answers, password));
		CPPUNIT_ASSERT_MESSAGE(answers, !contains(answers, username));
		const std::string log = _host->log();
		CPPUNIT_ASSERT(contains(log, "catalog loaded from source-xtream"));
		CPPUNIT_ASSERT_MESSAGE(log, !contains(log, password));
		CPPUNIT_ASSERT_MESSAGE(log, !contains(log, username));
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

	Poco::Dynamic::Var providerJson(const std::string& action)
	{
		Poco::URI uri(_provider->baseUrl() + "/player_api.php");
		uri.addQueryParameter("username", _provider->options().username);
		uri.addQueryParameter("password", _provider->options().password);
		uri.addQueryParameter("action", action);
		Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
		Poco::Net::HTTPRequest request("GET", uri.getPathAndQuery());
		session.sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::string body;
		Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
		return parse(body);
	}

	static int total(const HttpResult& result)
	{
		return parse(result.body).extract<Poco::JSON::Object::Ptr>()->getValue<int>("total");
	}

	static std::string onlyName(const HttpResult& result)
	{
		auto body = parse(result.body).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 1, body->getValue<int>("total"));
		return body->getArray("channels")->getObject(0)->getValue<std::string>("name");
	}

	std::unique_ptr<fakeprovider::FakeProvider> _provider;
	std::unique_ptr<SignedInHost> _host;
};

CPPUNIT_TEST_SUITE_REGISTRATION(CatalogApiTest);
