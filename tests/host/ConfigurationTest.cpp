//
// ConfigurationTest.cpp
//
// The configuration's layers, its case-insensitive keys and its rule for
// environment variables; the one check of typed settings (SettingCheck) and
// a bad value, the host's or a plugin's, stopping the host at start.
//

#include "HostFixture.h"
#include "TextSearch.h"
#include "config/HostConfiguration.h"
#include "config/SettingCheck.h"
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cstdlib>
#include <fstream>

namespace {

restream::Setting text(const std::string& key, const std::string& defaultValue)
{
	return restream::Setting::text(key, defaultValue, "a test key");
}

std::string writeFile(const std::string& extension, const std::string& content)
{
	const std::string path = Poco::TemporaryFile::tempName() + extension;
	Poco::TemporaryFile::registerForDeletion(path);
	std::ofstream(path) << content;
	return path;
}

} // namespace

class ConfigurationTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigurationTest);
	CPPUNIT_TEST(testLayersInOrder);
	CPPUNIT_TEST(testKeysIgnoreCaseWhateverTheirSource);
	CPPUNIT_TEST(testEnvironmentRule);
	CPPUNIT_TEST(testLegacyEnvironmentVariable);
	CPPUNIT_TEST(testEnvironmentOnlyForDeclaredKeys);
	CPPUNIT_TEST(testUndeclaredKeysReported);
	CPPUNIT_TEST(testPropertiesFile);
	CPPUNIT_TEST(testMissingFileIsAnError);
	CPPUNIT_TEST(testEveryTypeChecked);
	CPPUNIT_TEST(testRulesInWords);
	CPPUNIT_TEST(testProblemsOfEveryLayer);
	CPPUNIT_TEST(testBadHostValueStopsTheHost);
	CPPUNIT_TEST(testBadPluginValueStopsTheHost);
	CPPUNIT_TEST(testEveryBadValueNamed);
	CPPUNIT_TEST_SUITE_END();

public:
	void tearDown() override
	{
		unsetenv("RESTREAM_PLUGINS_FIXTURE_GOOD_GREETING");
		unsetenv("RESTREAM_STATE_DIR");
		unsetenv("RESTREAM_NOT_A_SETTING");
		unsetenv("FIXTURE_LEGACY");
	}

	void testLayersInOrder()
	{
		restream::host::HostConfiguration configuration;
		configuration.loadFile(writeFile(".ini", "[a]\nfromFile = file\nfileAndEnv = file\nall = file\n"));
		setenv("RESTREAM_A_FILEANDENV", "env", 1);
		setenv("RESTREAM_A_ALL", "env", 1);
		configuration.define("a.all", "command line");
		configuration.declare(text("a.defaultOnly", "default"));
		configuration.declare(text("a.fromFile", "default"));
		configuration.declare(text("a.fileAndEnv", "default"));
		configuration.declare(text("a.all", "default"));
		unsetenv("RESTREAM_A_FILEANDENV");
		unsetenv("RESTREAM_A_ALL");
		const auto& view = configuration.view();
		CPPUNIT_ASSERT_EQUAL(std::string("default"), view.getString("a.defaultOnly"));
		CPPUNIT_ASSERT_EQUAL(std::string("file"), view.getString("a.fromFile"));
		CPPUNIT_ASSERT_EQUAL(std::string("env"), view.getString("a.fileAndEnv"));
		CPPUNIT_ASSERT_EQUAL(std::string("command line"), view.getString("a.all"));
	}

	void testKeysIgnoreCaseWhateverTheirSource()
	{
		restream::host::HostConfiguration configuration;
		configuration.loadFile(writeFile(".ini", "[Plugins.Auth-JWT]\nTokenLifetime = 60\n"));
		configuration.define("HTTP.Api.Port", "9000");
		configuration.declare(restream::Setting::integer("plugins.auth-jwt.tokenLifetime", 3600, 60, 86400, "token lifetime"));
		configuration.declare(restream::Setting::integer("http.api.port", 8002, 0, 65535, "port"));
		const auto& view = configuration.view();
		CPPUNIT_ASSERT_EQUAL(60, view.getInt("plugins.auth-jwt.tokenLifetime"));
		CPPUNIT_ASSERT_EQUAL(60, view.getInt("PLUGINS.AUTH-JWT.TOKENLIFETIME"));
		CPPUNIT_ASSERT_EQUAL(9000, view.getInt("http.api.port"));
		CPPUNIT_ASSERT_EQUAL(9000, view.getInt("Http.API.port"));
	}

	void testEnvironmentRule()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("RESTREAM_STATE_DIR"), restream::host::HostConfiguration::environmentName("state.dir"));
		CPPUNIT_ASSERT_EQUAL(std::string("RESTREAM_PLUGINS_AUTH_JWT_TOKENLIFETIME"),
			restream::host::HostConfiguration::environmentName("plugins.auth-jwt.tokenLifetime"));
		setenv("RESTREAM_STATE_DIR", "/srv/state", 1);
		restream::host::HostConfiguration configuration;
		configuration.declare(text("state.dir", ""));
		CPPUNIT_ASSERT_EQUAL(std::string("/srv/state"), configuration.view().getString("state.dir"));
	}

	void testLegacyEnvironmentVariable()
	{
		setenv("FIXTURE_LEGACY", "legacy", 1);
		restream::host::HostConfiguration configuration;
		configuration.declare(restream::Setting::text("plugins.x.secret", "", "", "FIXTURE_LEGACY"));
		CPPUNIT_ASSERT_EQUAL(std::string("legacy"), configuration.view().getString("plugins.x.secret"));
		setenv("RESTREAM_PLUGINS_X_SECRET", "ours", 1);
		restream::host::HostConfiguration both;
		both.declare(restream::Setting::text("plugins.x.secret", "", "", "FIXTURE_LEGACY"));
		unsetenv("RESTREAM_PLUGINS_X_SECRET");
		CPPUNIT_ASSERT_EQUAL(std::string("ours"), both.view().getString("plugins.x.secret"));
	}

	void testEnvironmentOnlyForDeclaredKeys()
	{
		setenv("RESTREAM_NOT_A_SETTING", "x", 1);
		restream::host::HostConfiguration configuration;
		configuration.declare(text("state.dir", ""));
		CPPUNIT_ASSERT(!configuration.view().hasProperty("not.a.setting"));
		const auto unknown = configuration.undeclaredEnvironment();
		CPPUNIT_ASSERT(std::find(unknown.begin(), unknown.end(), "RESTREAM_NOT_A_SETTING") != unknown.end());
		CPPUNIT_ASSERT(std::find(unknown.begin(), unknown.end(), "RESTREAM_STATE_DIR") == unknown.end());
	}

	void testUndeclaredKeysReported()
	{
		restream::host::HostConfiguration configuration;
		configuration.loadFile(writeFile(".ini", "[plugins.auth-jwt]\ntokenLifetime = 60\ntokenLifetme = 60\n"));
		configuration.define("plugins.auth-jwt.secrett", "x");
		configuration.declare(text("plugins.auth-jwt.tokenLifetime", "3600"));
		const auto undeclared = configuration.undeclaredKeys("plugins.auth-jwt");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), undeclared.size());
		CPPUNIT_ASSERT(std::find(undeclared.begin(), undeclared.end(), "plugins.auth-jwt.tokenlifetme") != undeclared.end());
		CPPUNIT_ASSERT(std::find(undeclared.begin(), undeclared.end(), "plugins.auth-jwt.secrett") != undeclared.end());
	}

	void testPropertiesFile()
	{
		restream::host::HostConfiguration configuration;
		configuration.loadFile(writeFile(".properties", "# comment\nhttp.api.port = 9100\npublic.apiUrl = https://api.example.org/\n"));
		configuration.declare(restream::Setting::integer("http.api.port", 8002, 0, 65535, "port"));
		CPPUNIT_ASSERT_EQUAL(9100, configuration.view().getInt("http.api.port"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://api.example.org/"), configuration.view().getString("public.apiurl"));
	}

	void testMissingFileIsAnError()
	{
		restream::host::HostConfiguration configuration;
		CPPUNIT_ASSERT_THROW(configuration.loadFile("/nonexistent/restream.ini"), Poco::FileNotFoundException);
	}

	void testEveryTypeChecked()
	{
		using restream::Setting;
		const Setting integer = Setting::integer("live.maxChannels", 2, 1, 64, "channels");
		const Setting signedInteger = Setting::integer("a.offset", 0, -5, 5, "an offset");
		const Setting seconds = Setting::seconds("live.idleTimeout", "30", 0.5, 3600, "idle");
		const Setting boolean = Setting::boolean("http.api.keepAlive", true, "keep-alive");
		const Setting url = Setting::url("public.apiUrl", "", "public URL");
		const Setting text = Setting::text("catalog.source", "", "source");
		const Setting list = Setting::list("http.ports", "admin, api", "ports");
		const Setting secret = Setting::secret("plugins.x.token", "a token");
		const std::string wholeNumber = " must be a whole number from 1 to 64, not ";
		const std::string secondsRule = " must be a number of seconds from 0.50 to 3600, not ";
		struct Row
		{
			const Setting& setting;
			std::string value;
			std::string problem; // empty: right
		};
		const Row rows[] = {
			{integer, "1", ""},
			{integer, "64", ""},
			{integer, " 7 ", ""},
			{integer, "0", "live.maxChannels" + wholeNumber + "'0'"},
			{integer, "65", "live.maxChannels" + wholeNumber + "'65'"},
			{integer, "two", "live.maxChannels" + wholeNumber + "'two'"},
			{integer, "2.5", "live.maxChannels" + wholeNumber + "'2.5'"},
			{integer, "-1", "live.maxChannels" + wholeNumber + "'-1'"},
			{integer, "+3", "live.maxChannels" + wholeNumber + "'+3'"},
			{integer, "0x10", "live.maxChannels" + wholeNumber + "'0x10'"},
			{integer, "1e1", "live.maxChannels" + wholeNumber + "'1e1'"},
			{integer, "3 ; note", "live.maxChannels" + wholeNumber + "'3 ; note'"},
			{integer, "", "live.maxChannels" + wholeNumber + "''"},
			{integer, "99999999999999999999999", "live.maxChannels" + wholeNumber + "'99999999999999999999999'"},
			{signedInteger, "0", ""},
			{seconds, "0.5", ""},
			{seconds, "2", ""},
			{seconds, "3600", ""},
			{seconds, "0.25", "live.idleTimeout" + secondsRule + "'0.25'"},
			{seconds, "3600.5", "live.idleTimeout" + secondsRule + "'3600.5'"},
			{seconds, ".5", "live.idleTimeout" + secondsRule + "'.5'"},
			{seconds, "5.", "live.idleTimeout" + secondsRule + "'5.'"},
			{seconds, "1.2.3", "live.idleTimeout" + secondsRule + "'1.2.3'"},
			{seconds, "30s", "live.idleTimeout" + secondsRule + "'30s'"},
			{seconds, "1e2", "live.idleTimeout" + secondsRule + "'1e2'"},
			{seconds, "", "live.idleTimeout" + secondsRule + "''"},
			{boolean, "true", ""},
			{boolean, "FALSE", ""},
			{boolean, "yes", ""},
			{boolean, "off", ""},
			{boolean, "1", ""},
			{boolean, "0", ""},
			{boolean, "maybe", "http.api.keepAlive must be true or false, not 'maybe'"},
			{boolean, "", "http.api.keepAlive must be true or false, not ''"},
			{url, "", ""},
			{url, "https://api.example.org", ""},
			{url, "http://10.0.0.2:8002/base/", ""},
			{url, "HTTPS://API.example.org", ""},
			{url, "ftp://api.example.org", "public.apiUrl must be empty or an http:// or https:// URL, not 'ftp://api.example.org'"},
			{url, "api.example.org", "public.apiUrl must be empty or an http:// or https:// URL, not 'api.example.org'"},
			{url, "https://", "public.apiUrl must be empty or an http:// or https:// URL, not 'https://'"},
			{url, "javascript:alert(1)", "public.apiUrl must be empty or an http:// or https:// URL, not 'javascript:alert(1)'"},
			{text, "", ""},
			{text, "anything at all; even this", ""},
			{list, "", ""},
			{list, "admin, api, player, tuner", ""},
			{secret, "", ""},
			{secret, "s3cret with blanks", ""},
		};
		for (const auto& row : rows)
		{
			const std::string label = row.setting.key + " = '" + row.value + "'";
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, row.problem, restream::host::SettingCheck::problem(row.setting, row.value));
		}
		// a bound below zero is a rule the check states, even though no sign may be written
		CPPUNIT_ASSERT_EQUAL(std::string("a whole number from -5 to 5"), restream::host::SettingCheck::rule(signedInteger));
	}

	void testRulesInWords()
	{
		using restream::Setting;
		using restream::host::SettingCheck;
		CPPUNIT_ASSERT_EQUAL(std::string("a whole number from 1 to 64"), SettingCheck::rule(Setting::integer("k", 2, 1, 64, "")));
		CPPUNIT_ASSERT_EQUAL(std::string("a number of seconds from 0 to 3600"), SettingCheck::rule(Setting::seconds("k", "1", 0, 3600, "")));
		CPPUNIT_ASSERT_EQUAL(std::string("true or false"), SettingCheck::rule(Setting::boolean("k", true, "")));
		CPPUNIT_ASSERT_EQUAL(std::string("empty or an http:// or https:// URL"), SettingCheck::rule(Setting::url("k", "", "")));
		CPPUNIT_ASSERT_EQUAL(std::string("a comma-separated list"), SettingCheck::rule(Setting::list("k", "", "")));
		CPPUNIT_ASSERT_EQUAL(std::string("any text"), SettingCheck::rule(Setting::text("k", "", "")));
		CPPUNIT_ASSERT_EQUAL(std::string("any text"), SettingCheck::rule(Setting::secret("k", "")));
		const char* const names[] = {"text", "integer", "seconds", "boolean", "list", "URL", "secret"};
		const Setting::Type types[] = {Setting::Type::Text, Setting::Type::Integer, Setting::Type::Seconds, Setting::Type::Boolean,
			Setting::Type::List, Setting::Type::Url, Setting::Type::Secret};
		for (std::size_t i = 0; i < 7; ++i) CPPUNIT_ASSERT_EQUAL(std::string(names[i]), std::string(Setting::describe(types[i])));
	}

	void testProblemsOfEveryLayer()
	{
		// a bad value is a bad value wherever it comes from; the defaults themselves are right
		restream::host::HostConfiguration configuration;
		configuration.loadFile(writeFile(".ini", "[live]\nmaxChannels = many\n"));
		setenv("RESTREAM_LIVE_IDLETIMEOUT", "soon", 1);
		configuration.define("public.apiUrl", "api.example.org");
		configuration.declare(restream::Setting::integer("live.maxChannels", 2, 1, 64, "channels"));
		configuration.declare(restream::Setting::seconds("live.idleTimeout", "30", 1, 3600, "idle"));
		configuration.declare(restream::Setting::url("public.apiUrl", "", "public URL"));
		configuration.declare(restream::Setting::boolean("http.api.keepAlive", true, "keep-alive"));
		unsetenv("RESTREAM_LIVE_IDLETIMEOUT");
		const std::vector<std::string> problems = configuration.problems();
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), problems.size());
		CPPUNIT_ASSERT_EQUAL(std::string("live.maxChannels must be a whole number from 1 to 64, not 'many'"), problems[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("live.idleTimeout must be a number of seconds from 1 to 3600, not 'soon'"), problems[1]);
		CPPUNIT_ASSERT_EQUAL(std::string("public.apiUrl must be empty or an http:// or https:// URL, not 'api.example.org'"), problems[2]);
		restream::host::HostConfiguration defaults;
		for (const auto& setting : configuration.declared()) defaults.declare(setting);
		CPPUNIT_ASSERT(defaults.problems().empty());
	}

	void testBadHostValueStopsTheHost()
	{
		restream::test::HostFixture host(std::map<std::string, std::string>{{"live.maxChannels", "0"}});
		const std::string expected = "live.maxChannels must be a whole number from 1 to 64, not '0'";
		CPPUNIT_ASSERT_MESSAGE(host.startError(), restream::test::contains(host.startError(), expected));
		CPPUNIT_ASSERT_MESSAGE(host.log(), restream::test::contains(host.log(), "configuration: " + expected));
		// nothing runs: no port, no plugin
		CPPUNIT_ASSERT_EQUAL(static_cast<unsigned short>(0), host.port("api"));
		CPPUNIT_ASSERT(!restream::test::contains(host.log(), "plugin auth-jwt 1.0.0 started"));
		restream::test::HostFixture good(std::map<std::string, std::string>{{"live.maxChannels", "64"}});
		CPPUNIT_ASSERT_EQUAL(std::string(), good.startError());
		CPPUNIT_ASSERT(good.port("api") != 0);
	}

	void testBadPluginValueStopsTheHost()
	{
		const std::map<std::string, std::string> settings = {{"plugins.dir", RESTREAM_TEST_FIXTURE_PLUGIN_DIR}, {"plugins.load", "fixture-good"}};
		std::map<std::string, std::string> bad = settings;
		bad["plugins.fixture-good.count"] = "11";
		restream::test::HostFixture host(bad);
		const std::string expected = "plugins.fixture-good.count must be a whole number from 1 to 10, not '11'";
		CPPUNIT_ASSERT_MESSAGE(host.startError(), restream::test::contains(host.startError(), expected));
		CPPUNIT_ASSERT_MESSAGE(host.log(), restream::test::contains(host.log(), "configuration: " + expected));
		CPPUNIT_ASSERT(!restream::test::contains(host.log(), "fixture-good started"));
		CPPUNIT_ASSERT_EQUAL(static_cast<unsigned short>(0), host.port("admin"));

		std::map<std::string, std::string> good = settings;
		good["plugins.fixture-good.count"] = "10";
		restream::test::HostFixture running(good);
		CPPUNIT_ASSERT_EQUAL(std::string(), running.startError());
		CPPUNIT_ASSERT_MESSAGE(running.log(), restream::test::contains(running.log(), "fixture-good started with greeting bonjour, token , count 10"));
	}

	void testEveryBadValueNamed()
	{
		restream::test::HostFixture host({{"plugins.dir", RESTREAM_TEST_FIXTURE_PLUGIN_DIR}, {"plugins.load", "fixture-good"},
			{"plugins.fixture-good.count", "ten"}, {"http.api.keepAlive", "perhaps"}, {"live.idleTimeout", "-1"}});
		CPPUNIT_ASSERT_MESSAGE(host.startError(), restream::test::contains(host.startError(), "3 bad value(s)"));
		for (const char* problem : {"plugins.fixture-good.count must be a whole number from 1 to 10, not 'ten'",
				 "http.api.keepAlive must be true or false, not 'perhaps'", "live.idleTimeout must be a number of seconds from 1 to 3600, not '-1'"})
			CPPUNIT_ASSERT_MESSAGE(host.log(), restream::test::contains(host.log(), std::string("configuration: ") + problem));
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConfigurationTest);
