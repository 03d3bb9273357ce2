//
// DemoSourceTest.cpp
//
// The demo catalog: categories, channels with stable ids and numbers, the
// account, NotFound, and every channel's producer opening.
//

#include "DemoSource.h"
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <map>
#include <set>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/log.h>
}

using restream::SourceChannel;
using restream::SourceException;
using sourcedemo::DemoSource;

namespace {

const std::string FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

SourceException::Kind kindOf(const std::function<void()>& call)
	/// The kind of the SourceException that call throws.
{
	try
	{
		call();
	}
	catch (const SourceException& exc)
	{
		return exc.kind();
	}
	CPPUNIT_FAIL("no SourceException");
	return SourceException::ProviderError;
}

} // namespace

class DemoSourceTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DemoSourceTest);
	CPPUNIT_TEST(testCategories);
	CPPUNIT_TEST(testChannels);
	CPPUNIT_TEST(testIdsStable);
	CPPUNIT_TEST(testAccount);
	CPPUNIT_TEST(testUnknownChannel);
	CPPUNIT_TEST(testResolveNotFound);
	CPPUNIT_TEST(testEveryChannelPlays);
	CPPUNIT_TEST(testBadPreset);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		av_log_set_level(AV_LOG_WARNING);
	}

	void testCategories()
	{
		DemoSource source("veryfast", FONT);
		const std::vector<restream::SourceCategory> categories = source.categories();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), categories.size());
		CPPUNIT_ASSERT_EQUAL(std::string("1"), categories[0].id);
		CPPUNIT_ASSERT_EQUAL(std::string("Démo"), categories[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string("2"), categories[1].id);
		CPPUNIT_ASSERT_EQUAL(std::string("Tests"), categories[1].name);
	}

	void testChannels()
	{
		DemoSource source("veryfast", FONT);
		std::set<std::string> categoryIds;
		for (const auto& category : source.categories()) categoryIds.insert(category.id);

		const std::vector<SourceChannel> channels = source.channels();
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), channels.size());
		const std::vector<std::string> names = {"Mire de test", "Mire HD", "Barres et tonalité", "Horloge"};
		for (std::size_t i = 0; i < channels.size(); ++i)
		{
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(i + 1), channels[i].streamId);
			CPPUNIT_ASSERT_EQUAL(std::to_string(i + 1), channels[i].number);
			CPPUNIT_ASSERT_EQUAL(names[i], channels[i].name);
			CPPUNIT_ASSERT_MESSAGE(channels[i].categoryId, categoryIds.count(channels[i].categoryId) == 1);
			CPPUNIT_ASSERT(channels[i].icon.empty());
			CPPUNIT_ASSERT(channels[i].epgChannelId.empty());
		}
		CPPUNIT_ASSERT(!source.displayName().empty());
	}

	void testIdsStable()
	{
		// Same ids and names whatever the settings, and from one call to the next.
		DemoSource withClock("veryfast", FONT);
		DemoSource withoutClock("ultrafast", "");
		const std::vector<SourceChannel> first = withClock.channels();
		for (const std::vector<SourceChannel>& other : {withClock.channels(), withoutClock.channels()})
		{
			CPPUNIT_ASSERT_EQUAL(first.size(), other.size());
			for (std::size_t i = 0; i < first.size(); ++i)
			{
				CPPUNIT_ASSERT_EQUAL(first[i].streamId, other[i].streamId);
				CPPUNIT_ASSERT_EQUAL(first[i].number, other[i].number);
				CPPUNIT_ASSERT_EQUAL(first[i].name, other[i].name);
				CPPUNIT_ASSERT_EQUAL(first[i].categoryId, other[i].categoryId);
			}
		}
	}

	void testAccount()
	{
		DemoSource source("veryfast", FONT);
		const restream::SourceAccount account = source.account();
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), account.status);
		CPPUNIT_ASSERT(!account.hasExpiry);
		CPPUNIT_ASSERT_EQUAL(0, account.maxConnections);
		CPPUNIT_ASSERT(!account.trial);
		CPPUNIT_ASSERT_EQUAL(std::string("Demo source: synthetic channels, no provider"), account.message);
	}

	void testUnknownChannel()
	{
		DemoSource source("veryfast", FONT);
		for (Poco::Int64 id : {Poco::Int64(0), Poco::Int64(-1), Poco::Int64(5), Poco::Int64(1234567890123)})
			CPPUNIT_ASSERT_EQUAL(SourceException::NotFound, kindOf([&] { source.openProducer(id); }));
	}

	void testResolveNotFound()
	{
		// No URL for any channel, known or not: the demo plays in process.
		DemoSource source("veryfast", FONT);
		CPPUNIT_ASSERT_EQUAL(SourceException::NotFound, kindOf([&] { source.resolve(1); }));
		CPPUNIT_ASSERT_EQUAL(SourceException::NotFound, kindOf([&] { source.resolve(99); }));
	}

	void testEveryChannelPlays()
	{
		// Each channel's graphs build, with and without the clock's font, and
		// start with a video keyframe of the announced size.
		const std::map<Poco::Int64, std::pair<int, int>> sizes = {
			{1, {640, 360}}, {2, {1280, 720}}, {3, {640, 360}}, {4, {640, 360}}};
		for (const std::string& font : {FONT, std::string()})
		{
			DemoSource source("ultrafast", font);
			for (const SourceChannel& channel : source.channels())
			{
				const std::unique_ptr<restream::PacketProducer> producer = source.openProducer(channel.streamId);
				const AVCodecParameters& video = *producer->format().tracks[0].parameters;
				CPPUNIT_ASSERT_EQUAL(sizes.at(channel.streamId).first, video.width);
				CPPUNIT_ASSERT_EQUAL(sizes.at(channel.streamId).second, video.height);
				AVPacket* packet = av_packet_alloc();
				CPPUNIT_ASSERT_EQUAL(0, producer->read(*packet));
				CPPUNIT_ASSERT_EQUAL(0, packet->stream_index);
				CPPUNIT_ASSERT(packet->flags & AV_PKT_FLAG_KEY);
				av_packet_free(&packet);
			}
		}
	}

	void testBadPreset()
	{
		// The plugin refuses it at start; the source still says what is wrong.
		DemoSource source("warp-speed", "");
		try
		{
			source.openProducer(1);
			CPPUNIT_FAIL("opened with a bad preset");
		}
		catch (const SourceException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(SourceException::ProviderError, exc.kind());
			CPPUNIT_ASSERT_MESSAGE(exc.message(), exc.message().find("libx264") != std::string::npos);
		}
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(DemoSourceTest);
