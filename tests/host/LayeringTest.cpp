//
// LayeringTest.cpp
//
// SDK <- host <- plugins: a plugin includes the SDK, Poco, FFmpeg and its own
// files, never the host's sources. Inside the host, each folder of host/src is
// a subsystem, and the rules between them hold.
//

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/RegularExpression.h>
#include <cppunit/extensions/HelperMacros.h>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

namespace {

void collectSources(const Poco::Path& directory, std::vector<Poco::Path>& sources)
{
	for (Poco::DirectoryIterator it(directory), end; it != end; ++it)
	{
		if (it->isDirectory())
			collectSources(it.path(), sources);
		else if (Poco::RegularExpression(".*\\.(h|hpp|cpp|cc)$").match(it.name()))
			sources.push_back(it.path());
	}
}

bool generatedForPlugin(const Poco::Path& source, const std::string& included)
	/// True for "<ns>WebAssets.h" when the plugin's CMakeLists.txt generates it with
	/// restream_embed_assets(... NAMESPACE <ns> ...): a file of the plugin's own, in the build tree.
{
	const std::string suffix = "WebAssets.h";
	if (included.size() <= suffix.size() || included.compare(included.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
	const std::string ns = included.substr(0, included.size() - suffix.size());
	if (!Poco::RegularExpression("^[A-Za-z_][A-Za-z0-9_]*$").match(ns)) return false;
	std::ifstream cmake(Poco::Path(source.parent(), "CMakeLists.txt").toString());
	const std::string text((std::istreambuf_iterator<char>(cmake)), std::istreambuf_iterator<char>());
	Poco::RegularExpression::Match found;
	return Poco::RegularExpression("restream_embed_assets\\([^)]*NAMESPACE\\s+" + ns + "\\s").match(text, 0, found) > 0;
}

} // namespace

class LayeringTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LayeringTest);
	CPPUNIT_TEST(testPluginsIncludeOnlyTheSdkAndTheirOwnFiles);
	CPPUNIT_TEST(testHostFoldersKeepTheirLayers);
	CPPUNIT_TEST(testOnlyTheHttpServerIncludesBoost);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPluginsIncludeOnlyTheSdkAndTheirOwnFiles()
	{
		std::vector<Poco::Path> sources;
		collectSources(Poco::Path(RESTREAM_SOURCE_DIR "/plugins/"), sources);
		CPPUNIT_ASSERT(!sources.empty());
		const Poco::RegularExpression quotedInclude("^\\s*#\\s*include\\s*\"([^\"]+)\"");
		const std::string sdk = RESTREAM_SOURCE_DIR "/host/include/";
		std::string violations;
		for (const auto& source : sources)
		{
			std::ifstream file(source.toString());
			std::string line;
			for (int number = 1; std::getline(file, line); ++number)
			{
				std::vector<std::string> match;
				if (quotedInclude.split(line, match) < 2) continue;
				const std::string& included = match[1];
				const bool own = Poco::File(Poco::Path(source.parent(), included)).exists() && included.find("..") == std::string::npos;
				const bool fromSdk = included.compare(0, 9, "restream/") == 0 && Poco::File(sdk + included).exists();
				if (!own && !fromSdk && !generatedForPlugin(source, included)) violations += source.toString() + ":" + std::to_string(number) + ": " + line + "\n";
			}
		}
		CPPUNIT_ASSERT_MESSAGE("plugins must include only the SDK and their own files:\n" + violations, violations.empty());
	}

	void testHostFoldersKeepTheirLayers()
	{
		// what each folder of host/src must never include ("*": any other folder of host/src)
		const std::map<std::string, std::set<std::string>> forbidden = {
			{"logging", {"*"}},                                  // leaves: used by all, use nothing
			{"net", {"*"}},
			{"catalog", {"app", "api", "http", "live"}},          // the cached catalog knows no channel and no HTTP
			{"live", {"app", "api", "http"}},                     // the engine serves no HTTP
			{"http", {"app", "api", "live", "catalog"}},          // the server knows routes, not resources
			{"api", {"app", "http"}},                             // routes speak the SDK's RouteRequest/RouteResponse
			{"plugins", {"app", "api", "http", "live", "catalog"}}, // loading and guarding plugins, nothing else
			{"config", {"app", "api", "plugins", "catalog"}},     // settings read once, by the app
		};
		std::vector<Poco::Path> sources;
		collectSources(Poco::Path(RESTREAM_SOURCE_DIR "/host/src/"), sources);
		CPPUNIT_ASSERT(!sources.empty());
		const Poco::RegularExpression hostInclude("^\\s*#\\s*include\\s*\"([a-z]+)/[^\"]+\"");
		std::string violations;
		std::set<std::string> folders;
		for (const auto& source : sources)
		{
			const std::string folder = source.directory(source.depth() - 1);
			folders.insert(folder);
			const auto rule = forbidden.find(folder);
			std::ifstream file(source.toString());
			std::string line;
			for (int number = 1; std::getline(file, line); ++number)
			{
				std::vector<std::string> match;
				if (hostInclude.split(line, match) < 2 || match[1] == "restream" || match[1] == folder) continue;
				const bool refused = rule != forbidden.end() && (rule->second.count("*") > 0 || rule->second.count(match[1]) > 0);
				if (refused || match[1] == "app") violations += source.toString() + ":" + std::to_string(number) + ": " + line + "\n";
			}
		}
		CPPUNIT_ASSERT_MESSAGE("host folders break their layers:\n" + violations, violations.empty());
		for (const auto& rule : forbidden) CPPUNIT_ASSERT_MESSAGE("no folder host/src/" + rule.first, folders.count(rule.first) > 0);
	}

	void testOnlyTheHttpServerIncludesBoost()
	{
		// Beast and Asio are how bytes travel: the SDK, the plugins and the rest of the host never see them
		std::vector<Poco::Path> sources;
		for (const char* folder : {"/host/src/", "/host/include/", "/plugins/"}) collectSources(Poco::Path(RESTREAM_SOURCE_DIR + std::string(folder)), sources);
		const Poco::RegularExpression boostInclude("^\\s*#\\s*include\\s*[<\"]boost/.*");
		const std::string allowed = RESTREAM_SOURCE_DIR "/host/src/http/";
		std::string violations;
		bool used = false;
		for (const auto& source : sources)
		{
			std::ifstream file(source.toString());
			std::string line;
			for (int number = 1; std::getline(file, line); ++number)
			{
				if (!boostInclude.match(line)) continue;
				const bool inHttp = source.toString().compare(0, allowed.size(), allowed) == 0;
				used = used || inHttp;
				if (!inHttp) violations += source.toString() + ":" + std::to_string(number) + ": " + line + "\n";
			}
		}
		CPPUNIT_ASSERT_MESSAGE("only host/src/http may include Boost:\n" + violations, violations.empty());
		CPPUNIT_ASSERT(used);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(LayeringTest);
