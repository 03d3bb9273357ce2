//
// PluginLoadingTest.cpp
//
// Loading fixture plugins in process: versions and build signatures checked
// before the manifest, failures isolated, duplicate names refused.
//

#include "HostFixture.h"
#include "TextSearch.h"
#include "restream/Service.h"
#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <cppunit/extensions/HelperMacros.h>
#include <chrono>
#include <sstream>
#include <sys/stat.h>
#include <thread>

using restream::test::HostFixture;
using restream::test::contains;

namespace {

std::map<std::string, std::string> fixtures(const std::string& load, std::map<std::string, std::string> extra = {})
{
	extra["plugins.dir"] = RESTREAM_TEST_FIXTURE_PLUGIN_DIR;
	extra["plugins.load"] = load;
	return extra;
}

} // namespace

class PluginLoadingTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PluginLoadingTest);
	CPPUNIT_TEST(testGoodPluginLoadsAndGetsItsContext);
	CPPUNIT_TEST(testWrongApiVersionRefused);
	CPPUNIT_TEST(testApiOnePluginRefusedInOneLine);
	CPPUNIT_TEST(testOtherBuildSignatureRefused);
	CPPUNIT_TEST(testThrowingStartIsIsolated);
	CPPUNIT_TEST(testDuplicateServiceNameRefused);
	CPPUNIT_TEST(testSlowStartIsAbandoned);
	CPPUNIT_TEST(testMissingAndInvalidNames);
	CPPUNIT_TEST(testUnknownPluginSettingReported);
	CPPUNIT_TEST_SUITE_END();

public:
	void testGoodPluginLoadsAndGetsItsContext()
	{
		HostFixture host(fixtures("fixture-good", {{"plugins.fixture-good.greeting", "salut"}}));
		CPPUNIT_ASSERT(contains(host.log(), "plugin fixture-good 1.2.3 started"));
		CPPUNIT_ASSERT(contains(host.log(), "fixture-good started with greeting salut"));
		const std::string pluginState = host.stateDir() + "/plugins/fixture-good";
		CPPUNIT_ASSERT(contains(host.log(), "state in " + pluginState));
		struct stat info{};
		CPPUNIT_ASSERT_EQUAL(0, stat(pluginState.c_str(), &info));
		CPPUNIT_ASSERT_EQUAL(0700u, static_cast<unsigned>(info.st_mode & 0777));
		CPPUNIT_ASSERT_EQUAL(0, stat(host.stateDir().c_str(), &info));
		CPPUNIT_ASSERT_EQUAL(0700u, static_cast<unsigned>(info.st_mode & 0777));
		const auto page = host.request("GET", "admin", "/hello");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT(contains(page.body, "\"greeting\":\"salut\""));
	}

	void testWrongApiVersionRefused()
	{
		HostFixture host(fixtures("fixture-wrong-api, fixture-good"));
		const std::string log = host.log();
		CPPUNIT_ASSERT(contains(log, "plugin fixture-wrong-api 9.9.9"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "refused: it is built for plugin API 3.0 and this host provides 2.1"));
		CPPUNIT_ASSERT(!contains(log, "plugin fixture-wrong-api 9.9.9 started"));
		CPPUNIT_ASSERT(contains(log, "plugin fixture-good 1.2.3 started"));
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/").status);
	}

	void testApiOnePluginRefusedInOneLine()
	{
		// a plugin made for plugin API 1.0 (ApiRoute, PortHandlerFactory, setPrimary...) is refused before its
		// manifest is touched, with one line naming it, its API and the host's; the others run
		HostFixture host(fixtures("fixture-api1, fixture-good"));
		const std::string log = host.log();
		std::vector<std::string> mentions;
		std::istringstream lines(log);
		for (std::string line; std::getline(lines, line);)
		{
			if (contains(line, "fixture-api1")) mentions.push_back(line);
		}
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, std::size_t(1), mentions.size());
		const std::string& line = mentions.front();
		CPPUNIT_ASSERT_MESSAGE(line, contains(line, "[3] host: plugin fixture-api1 1.0.0 ("));
		CPPUNIT_ASSERT_MESSAGE(line, contains(line, "refused: it is built for plugin API 1.0 and this host provides 2.1"));
		CPPUNIT_ASSERT(!host.service<restream::Service>("fixture-api1.marker"));
		CPPUNIT_ASSERT(contains(log, "plugin fixture-good 1.2.3 started"));
		CPPUNIT_ASSERT_EQUAL(std::string(), host.startError());
	}

	void testOtherBuildSignatureRefused()
	{
		HostFixture host(fixtures("fixture-bad-signature, fixture-good"));
		CPPUNIT_ASSERT(contains(host.log(), "refused: it is built as 'gcc-4 cxxabi-1002 poco-1.9' and this host as '"));
		CPPUNIT_ASSERT(contains(host.log(), "plugin fixture-good 1.2.3 started"));
	}

	void testThrowingStartIsIsolated()
	{
		HostFixture host(fixtures("fixture-throws, fixture-good, fixture-other"));
		const std::string log = host.log();
		CPPUNIT_ASSERT(contains(log, "plugin fixture-throws failed in start: Illegal state: deliberate failure in start"));
		CPPUNIT_ASSERT(contains(log, "plugin fixture-throws is isolated"));
		CPPUNIT_ASSERT(contains(log, "plugin fixture-good 1.2.3 started"));
		CPPUNIT_ASSERT(contains(log, "plugin fixture-other 0.1 started"));
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "player", "/").status);
		host.stop();
		// an isolated plugin is not stopped
		CPPUNIT_ASSERT(!contains(host.log(), "plugin fixture-throws stopped"));
		CPPUNIT_ASSERT(contains(host.log(), "plugin fixture-good stopped"));
	}

	void testDuplicateServiceNameRefused()
	{
		HostFixture host(fixtures("fixture-dup-a, fixture-dup-b, fixture-good"));
		const std::string log = host.log();
		CPPUNIT_ASSERT(contains(log, "plugin fixture-dup-a 1.0 started"));
		CPPUNIT_ASSERT(contains(log, "service name 'fixture.shared' is already registered by fixture-dup-a; refused for fixture-dup-b"));
		CPPUNIT_ASSERT(contains(log, "plugin fixture-dup-b is isolated"));
		CPPUNIT_ASSERT(contains(log, "plugin fixture-good 1.2.3 started"));
	}

	void testSlowStartIsAbandoned()
	{
		const auto started = std::chrono::steady_clock::now();
		HostFixture host(fixtures("fixture-slow, fixture-good", {{"plugins.callTimeout", "1"}}));
		const auto elapsed = std::chrono::steady_clock::now() - started;
		CPPUNIT_ASSERT(elapsed < std::chrono::milliseconds(2500));
		CPPUNIT_ASSERT(contains(host.log(), "plugin fixture-slow: start did not return within 1 s; the plugin is abandoned"));
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/").status);
		host.stop();
		CPPUNIT_ASSERT(contains(host.log(), "plugin fixture-good stopped"));
		// let the abandoned start finish before the process exits
		std::this_thread::sleep_for(std::chrono::seconds(3));
	}

	void testMissingAndInvalidNames()
	{
		HostFixture host(fixtures("fixture-absent, ../etc/passwd, fixture-good, fixture-good"));
		const std::string log = host.log();
		CPPUNIT_ASSERT(contains(log, "plugin fixture-absent: no library at"));
		CPPUNIT_ASSERT(contains(log, "plugin name '../etc/passwd' in plugins.load is not valid"));
		CPPUNIT_ASSERT(contains(log, "plugin fixture-good is listed twice"));
		CPPUNIT_ASSERT(contains(log, "plugin fixture-good 1.2.3 started"));
	}

	void testUnknownPluginSettingReported()
	{
		HostFixture host(fixtures("fixture-good", {{"plugins.fixture-good.greetnig", "typo"}}));
		CPPUNIT_ASSERT(contains(host.log(), "configuration key plugins.fixture-good.greetnig is not a setting of plugin fixture-good; ignored"));
		CPPUNIT_ASSERT_EQUAL(std::string(), host.startError());
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(PluginLoadingTest);
