//
// ReadmeSettingsTest.cpp
//
// The README's configuration reference is what `restream settings` prints:
// every key of the host and of the plugins it loads by default, with its
// default, type and meaning. The table sits between two marker comments in
// README.md; when a setting changes, regenerate it from the command.
//

#include "TextSearch.h"
#include <Poco/FileStream.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using restream::test::contains;

namespace {

const std::string BEGIN = "<!-- settings:begin -->\n";
const std::string END = "<!-- settings:end -->";

std::vector<std::string> linesOf(const std::string& text)
{
	std::vector<std::string> lines;
	std::istringstream stream(text);
	for (std::string line; std::getline(stream, line);) lines.push_back(line);
	return lines;
}

std::string readmeTable()
	/// The text between the markers, or a failure naming what is missing.
{
	Poco::FileInputStream file(RESTREAM_SOURCE_DIR "/README.md");
	std::string readme;
	Poco::StreamCopier::copyToString(file, readme);
	const std::size_t begin = readme.find(BEGIN);
	const std::size_t end = readme.find(END);
	CPPUNIT_ASSERT_MESSAGE("README.md has no '" + BEGIN + "' line before its configuration table", begin != std::string::npos);
	CPPUNIT_ASSERT_MESSAGE("README.md has no '" + END + "' line after its configuration table", end != std::string::npos && end > begin);
	CPPUNIT_ASSERT_MESSAGE("README.md has the settings markers twice", readme.find(BEGIN, begin + 1) == std::string::npos);
	return readme.substr(begin + BEGIN.size(), end - begin - BEGIN.size());
}

std::string settingsCommand()
{
	Poco::Pipe out, errors;
	Poco::ProcessHandle process = Poco::Process::launch(RESTREAM_TEST_BINARY, {"settings"}, nullptr, &out, &errors);
	Poco::PipeInputStream fromProcess(out);
	std::string output;
	Poco::StreamCopier::copyToString(fromProcess, output);
	Poco::PipeInputStream errorStream(errors);
	std::string errorText;
	Poco::StreamCopier::copyToString(errorStream, errorText);
	const int status = process.wait();
	CPPUNIT_ASSERT_EQUAL_MESSAGE(errorText, 0, status);
	return output;
}

} // namespace

class ReadmeSettingsTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ReadmeSettingsTest);
	CPPUNIT_TEST(testReadmeTableIsTheCommandsOutput);
	CPPUNIT_TEST_SUITE_END();

public:
	void testReadmeTableIsTheCommandsOutput()
	{
		const std::string printed = settingsCommand();
		// what the command must cover for the comparison to mean something: the host's keys, a port's, and
		// those of every plugin loaded by default
		for (const char* key : {"`live.maxChannels`", "`http.<port>.port`", "`plugins.auth-jwt.secret`", "`plugins.source-xtream.url`",
				 "`plugins.source-demo.videoPreset`", "`plugins.output-hls.endedGrace`", "`plugins.ui-admin.apiUrl`", "`plugins.ui-player.title`"})
			CPPUNIT_ASSERT_MESSAGE(std::string(key) + " missing from `restream settings`:\n" + printed, contains(printed, key));

		const std::vector<std::string> expected = linesOf(printed);
		const std::vector<std::string> documented = linesOf(readmeTable());
		for (std::size_t index = 0; index < std::max(expected.size(), documented.size()); ++index)
		{
			const std::string want = index < expected.size() ? expected[index] : "(nothing)";
			const std::string have = index < documented.size() ? documented[index] : "(nothing)";
			CPPUNIT_ASSERT_EQUAL_MESSAGE("README.md's configuration table differs from `restream settings` at table line " +
					std::to_string(index + 1) + "; regenerate the table between the settings markers from `build/bin/restream settings`",
				want, have);
		}
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReadmeSettingsTest);
