//
// ConfigurationTest.cpp
//
// The configuration's layers, its case-insensitive keys and its rule for
// environment variables.
//

#include "config/HostConfiguration.h"
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cstdlib>
#include <fstream>

namespace {

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
		configuration.declare("a.defaultOnly", "default");
		configuration.declare("a.fromFile", "default");
		configuration.declare("a.fileAndEnv", "default");
		configuration.declare("a.all", "default");
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
		configuration.declare("plugins.auth-jwt.tokenLifetime", "3600");
		configuration.declare("http.api.port", "8002");
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
		configuration.declare("state.dir", "");
		CPPUNIT_ASSERT_EQUAL(std::string("/srv/state"), configuration.view().getString("state.dir"));
	}

	void testLegacyEnvironmentVariable()
	{
		setenv("FIXTURE_LEGACY", "legacy", 1);
		restream::host::HostConfiguration configuration;
		configuration.declare("plugins.x.secret", "", "FIXTURE_LEGACY");
		CPPUNIT_ASSERT_EQUAL(std::string("legacy"), configuration.view().getString("plugins.x.secret"));
		setenv("RESTREAM_PLUGINS_X_SECRET", "ours", 1);
		restream::host::HostConfiguration both;
		both.declare("plugins.x.secret", "", "FIXTURE_LEGACY");
		unsetenv("RESTREAM_PLUGINS_X_SECRET");
		CPPUNIT_ASSERT_EQUAL(std::string("ours"), both.view().getString("plugins.x.secret"));
	}

	void testEnvironmentOnlyForDeclaredKeys()
	{
		setenv("RESTREAM_NOT_A_SETTING", "x", 1);
		restream::host::HostConfiguration configuration;
		configuration.declare("state.dir", "");
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
		configuration.declare("plugins.auth-jwt.tokenLifetime", "3600");
		const auto undeclared = configuration.undeclaredKeys("plugins.auth-jwt");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), undeclared.size());
		CPPUNIT_ASSERT(std::find(undeclared.begin(), undeclared.end(), "plugins.auth-jwt.tokenlifetme") != undeclared.end());
		CPPUNIT_ASSERT(std::find(undeclared.begin(), undeclared.end(), "plugins.auth-jwt.secrett") != undeclared.end());
	}

	void testPropertiesFile()
	{
		restream::host::HostConfiguration configuration;
		configuration.loadFile(writeFile(".properties", "# comment\nhttp.api.port = 9100\npublic.apiUrl = https://api.example.org/\n"));
		configuration.declare("http.api.port", "8002");
		CPPUNIT_ASSERT_EQUAL(9100, configuration.view().getInt("http.api.port"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://api.example.org/"), configuration.view().getString("public.apiurl"));
	}

	void testMissingFileIsAnError()
	{
		restream::host::HostConfiguration configuration;
		CPPUNIT_ASSERT_THROW(configuration.loadFile("/nonexistent/restream.ini"), Poco::FileNotFoundException);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConfigurationTest);
