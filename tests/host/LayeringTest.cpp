//
// LayeringTest.cpp
//
// SDK <- host <- plugins: a plugin includes the SDK, Poco, FFmpeg and its own
// files, never the host's sources.
//

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/RegularExpression.h>
#include <cppunit/extensions/HelperMacros.h>
#include <fstream>

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

} // namespace

class LayeringTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LayeringTest);
	CPPUNIT_TEST(testPluginsIncludeOnlyTheSdkAndTheirOwnFiles);
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
				if (!own && !fromSdk) violations += source.toString() + ":" + std::to_string(number) + ": " + line + "\n";
			}
		}
		CPPUNIT_ASSERT_MESSAGE("plugins must include only the SDK and their own files:\n" + violations, violations.empty());
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(LayeringTest);
