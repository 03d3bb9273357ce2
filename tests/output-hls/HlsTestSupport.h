//
// HlsTestSupport.h
//
// What the output-hls tests share: the host's settings, playlist text, temporary files.
//

#ifndef restream_test_HlsTestSupport_INCLUDED
#define restream_test_HlsTestSupport_INCLUDED

#include <Poco/Types.h>
#include <map>
#include <string>
#include <vector>

namespace restream {
namespace test {

std::map<std::string, std::string> hlsSettings(const std::map<std::string, std::string>& more = {});
	/// A host with only output-hls loaded, plus more (keys under plugins.output-hls.).

std::vector<std::string> lines(const std::string& text);
	/// The non-empty lines of text.

Poco::UInt64 tagNumber(const std::string& playlist, const std::string& tag);
	/// The number after "tag:" in playlist; fails the test when the tag is missing.

std::string writeTemporary(const std::string& bytes, const std::string& extension);
	/// A temporary file (deleted at exit) named ...extension with bytes; its path.

} // namespace test
} // namespace restream

#endif // restream_test_HlsTestSupport_INCLUDED
