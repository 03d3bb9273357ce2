//
// ChannelLeaseTest.cpp
//
// The channel services as a third party's plugin uses them (the fixture-lease
// plugin, driven over its HTTP routes), against the fake provider through
// source-xtream: a lease starts a channel on demand; a second channel is
// refused with a code when the account's one connection is taken, without a
// second request to the provider; the subscription sees the events; the
// catalog carries numbers and EPG ids; PlaybackUrls names the channel's URLs;
// a released channel stops live.idleTimeout later, and not before.
//

#include "SignedInHost.h"
#include "TextSearch.h"
#include "fakeprovider/FakeProvider.h"
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SharedLibrary.h>
#include <Poco/TemporaryFile.h>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <iostream>
#include <memory>
#include <thread>
#include <unistd.h>

using restream::test::HttpResult;
using restream::test::SignedInHost;
using restream::test::contains;

namespace {

constexpr int IDLE_SECONDS = 2;

std::string pluginDirectory()
	/// A directory with the plugins this test loads: the built ones and the
	/// fixture, which is built into the fixtures' own directory.
{
	const std::string directory = Poco::TemporaryFile::tempName();
	Poco::File(directory).createDirectories();
	Poco::TemporaryFile::registerForDeletion(directory);
	const std::string suffix = Poco::SharedLibrary::suffix();
	for (const char* plugin : {"auth-jwt", "source-xtream", "output-hls"})
	{
		const std::string target = std::string(RESTREAM_TEST_PLUGIN_DIR) + "/" + plugin + suffix;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(target, 0, symlink(target.c_str(), (directory + "/" + plugin + suffix).c_str()));
	}
	const std::string fixture = std::string(RESTREAM_TEST_FIXTURE_PLUGIN_DIR) + "/fixture-lease" + suffix;
	CPPUNIT_ASSERT_EQUAL_MESSAGE(fixture, 0, symlink(fixture.c_str(), (directory + "/fixture-lease" + suffix).c_str()));
	return directory;
}

Poco::Dynamic::Var json(const HttpResult& result)
{
	return Poco::JSON::Parser().parse(result.body);
}

bool waitFor(const std::function<bool()>& condition, int seconds)
{
	const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
	while (!condition())
	{
		if (std::chrono::steady_clock::now() >= until) return false;
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
	}
	return true;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

class ChannelLeaseTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ChannelLeaseTest);
	CPPUNIT_TEST(testLeaseStartsOnDemandAndAdmissionRefusesASecondChannel);
	CPPUNIT_TEST(testCatalogAsPluginsSeeIt);
	CPPUNIT_TEST(testPlaybackUrlsOfAChannel);
	CPPUNIT_TEST(testReleasedChannelStopsAfterTheIdleTimeout);
	CPPUNIT_TEST(testHlsViewerStartsTheChannelAgainAfterItEnded);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_provider.reset(new fakeprovider::FakeProvider); // max_connections 1
		_provider->start();
	}

	void tearDown() override
	{
		_host.reset();
		_provider.reset();
	}

	void testLeaseStartsOnDemandAndAdmissionRefusesASecondChannel()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().streamRequests);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), runningChannels()->size());

		const HttpResult leased = lease(fakeprovider::FakeProvider::CHANNEL_SD);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(leased.body, 200, leased.status);
		auto answer = json(leased).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(1, answer->getValue<int>("holders"));
		waitForLive(fakeprovider::FakeProvider::CHANNEL_SD);
		CPPUNIT_ASSERT_EQUAL(1, _provider->stats().channels.at(fakeprovider::FakeProvider::CHANNEL_SD).open);
		// a lease is not the program, and its holder is named
		const HttpResult running = _host->request("GET", "api", "/running_channels", "", _host->bearer());
		auto list = json(running).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT(list->get("program").isEmpty());
		auto channel = list->getArray("channels")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(fakeprovider::FakeProvider::CHANNEL_SD), channel->getValue<Poco::Int64>("stream_id"));
		CPPUNIT_ASSERT(!channel->getValue<bool>("pinned"));
		CPPUNIT_ASSERT(!channel->getValue<bool>("on_air"));
		CPPUNIT_ASSERT_EQUAL(std::string("fixture-lease 127.0.0.1"), channel->getArray("holders")->getElement<std::string>(0));

		// a second distinct channel: the account's one connection is taken
		const HttpResult refused = lease(fakeprovider::FakeProvider::CHANNEL_SMALL);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 409, refused.status);
		auto refusal = json(refused).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::string("connection_limit"), refusal->getValue<std::string>("error_code"));
		const std::string detail = refusal->getValue<std::string>("detail");
		CPPUNIT_ASSERT_MESSAGE(detail, contains(detail, "1 provider connection"));
		CPPUNIT_ASSERT_MESSAGE(detail, contains(detail, "in use by France 2 \xC3\x89t\xC3\xA9"));
		// decided without asking the provider: no second upstream, not even a refused one
		auto stats = _provider->stats();
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), stats.streamRequests);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), stats.streamRefused);
		CPPUNIT_ASSERT(stats.channels.count(fakeprovider::FakeProvider::CHANNEL_SMALL) == 0 ||
			stats.channels.at(fakeprovider::FakeProvider::CHANNEL_SMALL).total == 0);

		// a channel already running never costs another connection
		const HttpResult again = _host->request("POST", "api", "/fixture/lease", "{\"stream_id\": 101}", {{"X-Forwarded-For", "192.168.1.20"}});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(again.body, 200, again.status);
		CPPUNIT_ASSERT_EQUAL(2, json(again).extract<Poco::JSON::Object::Ptr>()->getValue<int>("holders"));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().streamRequests);

		// the subscription saw the start and the channel going live, nothing of the refused one
		CPPUNIT_ASSERT_MESSAGE(eventsText(), hasEvent("started", fakeprovider::FakeProvider::CHANNEL_SD, "starting"));
		CPPUNIT_ASSERT_MESSAGE(eventsText(), !contains(eventsText(), "\"stream_id\":105"));
		CPPUNIT_ASSERT_MESSAGE(eventsText(), !hasEvent("stopped", fakeprovider::FakeProvider::CHANNEL_SD, "idle"));
		// the channel is live (above): its subscribers heard of it
		CPPUNIT_ASSERT_MESSAGE(eventsText(), waitFor([&] { return hasEvent("state", fakeprovider::FakeProvider::CHANNEL_SD, "live"); }, 5));
	}

	void testCatalogAsPluginsSeeIt()
	{
		startHost();
		const HttpResult result = _host->request("GET", "api", "/fixture/catalog");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		auto catalog = json(result).extract<Poco::JSON::Object::Ptr>();
		auto channels = catalog->getArray("channels");
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), channels->size());
		CPPUNIT_ASSERT_EQUAL(3, catalog->getValue<int>("categories"));
		// the provider's numbers (1 to 6 in its order), EPG ids (tvg-id), categories and logos
		const struct
		{
			Poco::Int64 streamId;
			const char* number;
			const char* epgId;
			const char* categoryName;
			bool logo;
		} expected[] = {
			{101, "1", "france2.fr", "G\xC3\xA9n\xC3\xA9ralistes", true},
			{102, "2", "teleocean.fr", "G\xC3\xA9n\xC3\xA9ralistes", true},
			{103, "3", "sportextreme.fr", "Sport & Divertissement", true},
			{104, "4", "grandjournal.fr", "Info", false},
			{105, "5", "", "Info", true},
			{106, "6", "cinenuit.fr", "Sport & Divertissement", true},
		};
		for (unsigned index = 0; index < 6; ++index)
		{
			auto channel = channels->getObject(index);
			const std::string label = "channel " + std::to_string(expected[index].streamId);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, expected[index].streamId, channel->getValue<Poco::Int64>("stream_id"));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(expected[index].number), channel->getValue<std::string>("number"));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(expected[index].epgId), channel->getValue<std::string>("epg_id"));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(expected[index].categoryName), channel->getValue<std::string>("category_name"));
			CPPUNIT_ASSERT_MESSAGE(label, !channel->getValue<std::string>("category_id").empty());
			const std::string logo = channel->getValue<std::string>("logo_url");
			if (expected[index].logo)
				CPPUNIT_ASSERT_EQUAL_MESSAGE(label, _provider->baseUrl() + "/logos/" + std::to_string(expected[index].streamId) + ".png", logo);
			else
				CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(), logo);
		}
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(fakeprovider::FakeProvider::CHANNEL_SMALL), catalog->getValue<Poco::Int64>("search_news"));
		CPPUNIT_ASSERT(!contains(result.body, _provider->options().password));
		CPPUNIT_ASSERT(!contains(result.body, _provider->options().username));
		// the catalog is the host's cache: reading it twice asked the provider once
		const Poco::UInt64 asked = _provider->stats().playerApiRequests;
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "api", "/fixture/catalog").status);
		CPPUNIT_ASSERT_EQUAL(asked, _provider->stats().playerApiRequests);
	}

	void testPlaybackUrlsOfAChannel()
	{
		startHost();
		const std::string api = std::to_string(_host->port("api"));
		const auto urls = [&](const std::map<std::string, std::string>& headers) {
			const HttpResult result = _host->request("GET", "api", "/fixture/urls?stream_id=101", "", headers);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
			return json(result).extract<Poco::JSON::Array::Ptr>();
		};
		// output-hls registered its form; the URL is on the API port as the client reached it
		auto local = urls({});
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), local->size());
		CPPUNIT_ASSERT_EQUAL("hls http://127.0.0.1:" + api + "/live/101.m3u8", local->getElement<std::string>(0));
		// a Host naming another port: the client reached the API there (a published Docker port)
		auto named = urls({{"Host", "tv.lan:18002"}});
		CPPUNIT_ASSERT_EQUAL(std::string("hls http://tv.lan:18002/live/101.m3u8"), named->getElement<std::string>(0));
		auto bare = urls({{"Host", "tv.lan"}});
		CPPUNIT_ASSERT_EQUAL("hls http://tv.lan:" + api + "/live/101.m3u8", bare->getElement<std::string>(0));
		// nothing runs for that: asking for URLs starts nothing
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().streamRequests);

		_host.reset();
		startHost({{"public.apiUrl", "https://api.example.org/"}});
		CPPUNIT_ASSERT_EQUAL(std::string("hls https://api.example.org/live/101.m3u8"),
			urls({{"Host", "tv.lan:8003"}})->getElement<std::string>(0));
	}

	void testReleasedChannelStopsAfterTheIdleTimeout()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, lease(fakeprovider::FakeProvider::CHANNEL_SD).status);
		waitForLive(fakeprovider::FakeProvider::CHANNEL_SD);

		// released, then taken again within the idle delay: it ran on, on the same upstream
		CPPUNIT_ASSERT_EQUAL(200, release(fakeprovider::FakeProvider::CHANNEL_SD).status);
		std::this_thread::sleep_for(std::chrono::seconds(1));
		CPPUNIT_ASSERT_EQUAL(1, open(fakeprovider::FakeProvider::CHANNEL_SD));
		CPPUNIT_ASSERT_EQUAL(200, lease(fakeprovider::FakeProvider::CHANNEL_SD).status);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().streamRequests);

		// released for good: it stops live.idleTimeout later, not before, within a second
		CPPUNIT_ASSERT_EQUAL(200, release(fakeprovider::FakeProvider::CHANNEL_SD).status);
		const auto released = std::chrono::steady_clock::now();
		while (open(fakeprovider::FakeProvider::CHANNEL_SD) != 0 && secondsSince(released) < IDLE_SECONDS + 3)
			std::this_thread::sleep_for(std::chrono::milliseconds(20));
		const double stoppedAfter = secondsSince(released);
		std::cout << "\n[figure] lease released to upstream closed at the provider: " << stoppedAfter << " s (live.idleTimeout "
				  << IDLE_SECONDS << " s)" << std::endl;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(_host->log(), 0, open(fakeprovider::FakeProvider::CHANNEL_SD));
		CPPUNIT_ASSERT_MESSAGE(std::to_string(stoppedAfter), stoppedAfter >= IDLE_SECONDS);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(stoppedAfter), stoppedAfter <= IDLE_SECONDS + 1);
		CPPUNIT_ASSERT_MESSAGE(eventsText(), waitFor([&] { return hasEvent("stopped", fakeprovider::FakeProvider::CHANNEL_SD, "idle"); }, 2));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), runningChannels()->size());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().streamRequests);
	}

	void testHlsViewerStartsTheChannelAgainAfterItEnded()
	{
		startHost();
		const std::string path = "/live/" + std::to_string(fakeprovider::FakeProvider::CHANNEL_SD) + ".m3u8";
		// a request for a channel that does not run starts it; the playlist answers once it has a segment
		auto asked = std::chrono::steady_clock::now();
		HttpResult first = _host->request("GET", "api", path);
		std::cout << "\n[figure] cold /live/<id>.m3u8 to a playlist: " << secondsSince(asked) << " s" << std::endl;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(first.body, 200, first.status);
		CPPUNIT_ASSERT_MESSAGE(first.body, contains(first.body, "#EXTINF") && !contains(first.body, "#EXT-X-ENDLIST"));

		// no viewer any more: it stops, and its playlist ends (EXT-X-ENDLIST during output-hls's endedGrace)
		CPPUNIT_ASSERT_MESSAGE(_host->log(), waitFor([&] { return open(fakeprovider::FakeProvider::CHANNEL_SD) == 0; }, 20));

		// a viewer coming back within the grace gets the new run, not the ended playlist that would end its player
		asked = std::chrono::steady_clock::now();
		const HttpResult again = _host->request("GET", "api", path);
		std::cout << "[figure] the same after the channel stopped: " << secondsSince(asked) << " s" << std::endl;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(again.body, 200, again.status);
		CPPUNIT_ASSERT_MESSAGE(again.body, !contains(again.body, "#EXT-X-ENDLIST"));
		CPPUNIT_ASSERT_EQUAL(1, open(fakeprovider::FakeProvider::CHANNEL_SD));
	}

private:
	void startHost(std::map<std::string, std::string> settings = {})
	{
		if (_plugins.empty()) _plugins = pluginDirectory();
		settings["plugins.dir"] = _plugins;
		settings["plugins.load"] = "auth-jwt, source-xtream, output-hls, fixture-lease";
		settings["live.idleTimeout"] = std::to_string(IDLE_SECONDS);
		_host.reset(new SignedInHost(
			SignedInHost::withXtream(settings, _provider->baseUrl(), _provider->options().username, _provider->options().password)));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(_host->log(), std::string(), _host->startError());
		CPPUNIT_ASSERT_MESSAGE(_host->log(), contains(_host->log(), "plugin fixture-lease 1.0 started"));
		// admission counts the account's connections once the host has read them
		CPPUNIT_ASSERT_MESSAGE(_host->log(),
			waitFor([&] { return contains(_host->log(), "provider account: 1 connection(s) allowed"); }, 10));
	}

	HttpResult lease(Poco::Int64 streamId)
	{
		return _host->request("POST", "api", "/fixture/lease", "{\"stream_id\": " + std::to_string(streamId) + "}");
	}

	HttpResult release(Poco::Int64 streamId)
	{
		return _host->request("POST", "api", "/fixture/release", "{\"stream_id\": " + std::to_string(streamId) + "}");
	}

	int open(int streamId) const
	{
		const auto stats = _provider->stats();
		const auto found = stats.channels.find(streamId);
		return found == stats.channels.end() ? 0 : found->second.open;
	}

	Poco::JSON::Array::Ptr runningChannels()
	{
		const HttpResult result = _host->request("GET", "api", "/running_channels", "", _host->bearer());
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		return json(result).extract<Poco::JSON::Object::Ptr>()->getArray("channels");
	}

	void waitForLive(Poco::Int64 streamId)
	{
		const bool live = waitFor(
			[&] {
				auto channels = runningChannels();
				for (unsigned i = 0; i < channels->size(); ++i)
				{
					auto channel = channels->getObject(i);
					if (channel->getValue<Poco::Int64>("stream_id") == streamId && channel->getValue<std::string>("state") == "live") return true;
				}
				return false;
			},
			20);
		CPPUNIT_ASSERT_MESSAGE(_host->log(), live);
	}

	std::string eventsText()
	{
		return _host->request("GET", "api", "/fixture/events").body;
	}

	bool hasEvent(const std::string& kind, Poco::Int64 streamId, const std::string& state)
	{
		auto events = Poco::JSON::Parser().parse(eventsText()).extract<Poco::JSON::Array::Ptr>();
		for (unsigned i = 0; i < events->size(); ++i)
		{
			auto event = events->getObject(i);
			if (event->getValue<std::string>("kind") == kind && event->getValue<Poco::Int64>("stream_id") == streamId &&
				event->getValue<std::string>("state") == state)
				return true;
		}
		return false;
	}

	std::unique_ptr<fakeprovider::FakeProvider> _provider;
	std::unique_ptr<SignedInHost> _host;
	std::string _plugins;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ChannelLeaseTest);
