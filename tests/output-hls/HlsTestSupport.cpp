//
// HlsTestSupport.cpp
//

#include "HlsTestSupport.h"
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/TestAssert.h>

namespace restream {
namespace test {

std::map<std::string, std::string> hlsSettings(const std::map<std::string, std::string>& more)
{
	std::map<std::string, std::string> settings = {{"plugins.load", "output-hls"}};
	for (const auto& entry : more) settings["plugins.output-hls." + entry.first] = entry.second;
	return settings;
}

std::vector<std::string> lines(const std::string& text)
{
	std::vector<std::string> result;
	for (const auto& line : Poco::StringTokenizer(text, "\n", Poco::StringTokenizer::TOK_IGNORE_EMPTY)) result.push_back(line);
	return result;
}

Poco::UInt64 tagNumber(const std::string& playlist, const std::string& tag)
{
	const std::size_t at = playlist.find(tag + ":");
	CPPUNIT_ASSERT_MESSAGE(tag + " missing in:\n" + playlist, at != std::string::npos);
	const std::size_t start = at + tag.size() + 1;
	return Poco::NumberParser::parseUnsigned64(playlist.substr(start, playlist.find('\n', start) - start));
}

std::string writeTemporary(const std::string& bytes, const std::string& extension)
{
	const std::string path = Poco::TemporaryFile::tempName() + extension;
	Poco::TemporaryFile::registerForDeletion(path);
	Poco::FileOutputStream file(path);
	file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
	file.close();
	return path;
}

} // namespace test
} // namespace restream
