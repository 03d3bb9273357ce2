//
// SourceDemoHostTest.cpp
//
// The built source-demo.so loaded by an in-process host (tests/support/HostFixture).
//

#include "HostFixture.h"
#include "restream/Source.h"
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>

extern "C" {
#include <libavcodec/avcodec.h>
}

using restream::test::HostFixture;

namespace {

std::map<std::string, std::string> demoSettings(const std::map<std::string, std::string>& more = {})
	/// Loads source-demo only, with more settings.
{
	std::map<std::string, std::string> settings = more;
	settings["plugins.load"] = "source-demo";
	return settings;
}

} // namespace

class SourceDemoHostTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SourceDemoHostTest);
	CPPUNIT_TEST(testRegistered);
	CPPUNIT_TEST(testClockWithoutFont);
	CPPUNIT_TEST(testUnknownPresetRefused);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRegistered()
	{
		HostFixture host(demoSettings());
		{
			// Services and producers hold the plugin's code: released before the host stops.
			const std::shared_ptr<restream::Source> source = host.service<restream::Source>("source-demo");
			CPPUNIT_ASSERT_MESSAGE(host.log(), source);
			CPPUNIT_ASSERT_EQUAL(std::size_t(4), source->channels().size());
			CPPUNIT_ASSERT_EQUAL(std::size_t(2), source->categories().size());
			CPPUNIT_ASSERT_EQUAL(std::string("Active"), source->account().status);

			const std::unique_ptr<restream::PacketProducer> producer = source->openProducer(1);
			CPPUNIT_ASSERT(producer);
			CPPUNIT_ASSERT_EQUAL(std::size_t(2), producer->format().tracks.size());
			AVPacket* packet = av_packet_alloc();
			CPPUNIT_ASSERT_EQUAL(0, producer->read(*packet));
			CPPUNIT_ASSERT(packet->flags & AV_PKT_FLAG_KEY);
			av_packet_free(&packet);
		}
		CPPUNIT_ASSERT_MESSAGE(host.log(), host.log().find("shows the local time") != std::string::npos);
	}

	void testClockWithoutFont()
	{
		HostFixture host(demoSettings({{"plugins.source-demo.clockFont", "/nonexistent/font.ttf"}}));
		CPPUNIT_ASSERT_MESSAGE(host.log(), host.service<restream::Source>("source-demo"));
		CPPUNIT_ASSERT_MESSAGE(host.log(), host.log().find("test pattern instead of the time") != std::string::npos);
		CPPUNIT_ASSERT(host.log().find("/nonexistent/font.ttf") != std::string::npos);
	}

	void testUnknownPresetRefused()
	{
		HostFixture host(demoSettings({{"plugins.source-demo.videoPreset", "warp-speed"}}));
		CPPUNIT_ASSERT(!host.service<restream::Source>("source-demo"));
		CPPUNIT_ASSERT_MESSAGE(host.log(), host.log().find("videoPreset") != std::string::npos);
		CPPUNIT_ASSERT(host.log().find("warp-speed") != std::string::npos);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(SourceDemoHostTest);
