//
// DemoPluginTest.cpp
//
// The source-demo plugin started on a PluginTestContext, without a host:
// its typed settings, the source it registers, the clock channel's font and
// a preset libx264 does not know.
//

#include "DemoPlugin.h"
#include "PluginTestContext.h"
#include "restream/Source.h"
#include <Poco/Exception.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

extern "C" {
#include <libavutil/log.h>
}

using restream::Setting;
using restream::test::PluginTestContext;
using sourcedemo::DemoPlugin;

class DemoPluginTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DemoPluginTest);
	CPPUNIT_TEST(testSettingsAreTyped);
	CPPUNIT_TEST(testRegistered);
	CPPUNIT_TEST(testClockWithoutFont);
	CPPUNIT_TEST(testUnknownPresetRefused);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		av_log_set_level(AV_LOG_WARNING);
		_context.reset(new PluginTestContext("source-demo"));
		_context->declare(DemoPlugin().settings());
	}

	void tearDown() override
	{
		_context.reset();
	}

	void testSettingsAreTyped()
	{
		const std::vector<Setting> settings = DemoPlugin().settings();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), settings.size());
		CPPUNIT_ASSERT_EQUAL(std::string("videoPreset"), settings[0].key);
		CPPUNIT_ASSERT_EQUAL(std::string("veryfast"), settings[0].defaultValue);
		CPPUNIT_ASSERT_EQUAL(std::string("clockFont"), settings[1].key);
		for (const Setting& setting : settings)
		{
			CPPUNIT_ASSERT(setting.type == Setting::Type::Text);
			CPPUNIT_ASSERT(!setting.description.empty());
		}
	}

	void testRegistered()
	{
		DemoPlugin plugin;
		plugin.start(*_context);
		const auto source = _context->registry().find<restream::Source>("source-demo");
		CPPUNIT_ASSERT(source);
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), source->channels().size());
		CPPUNIT_ASSERT_EQUAL(std::string("4"), source->channels()[3].number);
		CPPUNIT_ASSERT(!source->openGuide()); // no guide
		CPPUNIT_ASSERT_MESSAGE(_context->log(), _context->log().find("shows the local time") != std::string::npos);
		CPPUNIT_ASSERT(_context->log().find("libx264 preset veryfast") != std::string::npos);
		plugin.stop();
	}

	void testClockWithoutFont()
	{
		_context->set("clockFont", "/nonexistent/font.ttf");
		DemoPlugin plugin;
		plugin.start(*_context);
		CPPUNIT_ASSERT(_context->registry().find<restream::Source>("source-demo"));
		CPPUNIT_ASSERT_MESSAGE(_context->log(), _context->log().find("test pattern instead of the time") != std::string::npos);
		CPPUNIT_ASSERT(_context->log().find("/nonexistent/font.ttf") != std::string::npos);
	}

	void testUnknownPresetRefused()
	{
		_context->set("videoPreset", "warp-speed");
		DemoPlugin plugin;
		try
		{
			plugin.start(*_context);
			CPPUNIT_FAIL("started with an unknown preset");
		}
		catch (const Poco::InvalidArgumentException& exc)
		{
			CPPUNIT_ASSERT(exc.message().find("videoPreset") != std::string::npos);
			CPPUNIT_ASSERT(exc.message().find("warp-speed") != std::string::npos);
		}
		CPPUNIT_ASSERT(_context->registry().all().empty());
	}

private:
	std::unique_ptr<PluginTestContext> _context;
};

CPPUNIT_TEST_SUITE_REGISTRATION(DemoPluginTest);
