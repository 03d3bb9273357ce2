//
// admin-preview-paths.cpp
//
// PreviewPaths on any path (first line) and query (the next lines, one
// name=value each). Contract: a media path that is accepted is under
// /preview/hls/, made of lower-case letters, digits, '-', '.' and '/' only,
// with no empty or dot segment, and has one of the two media types; reload
// directives that are accepted are rebuilt as "", "?_HLS_msn=<digits>" or
// "?_HLS_msn=<digits>&_HLS_part=<digits>" and nothing else of the query.
//

#include "FuzzInput.h"
#include "PreviewPaths.h"

using uiadmin::PreviewPaths;

namespace {

bool digits(const std::string& text)
{
	if (text.empty()) return false;
	for (const char c : text)
	{
		if (c < '0' || c > '9') return false;
	}
	return true;
}

bool rebuilt(const std::string& directives)
{
	if (directives.empty()) return true;
	const std::string msn = "?_HLS_msn=";
	if (directives.compare(0, msn.size(), msn) != 0) return false;
	const std::string rest = directives.substr(msn.size());
	const std::size_t part = rest.find("&_HLS_part=");
	if (part == std::string::npos) return digits(rest);
	return digits(rest.substr(0, part)) && digits(rest.substr(part + 11));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::vector<std::string> lines = restreamfuzz::lines(restreamfuzz::text(data, size));
	const std::string& path = lines.front();
	const std::string type = PreviewPaths::mediaType(path);
	if (!type.empty())
	{
		FUZZ_CHECK(type == "video/mp2t" || type == "video/mp4");
		FUZZ_CHECK(path.compare(0, PreviewPaths::MEDIA.size(), PreviewPaths::MEDIA) == 0);
		for (const char c : path) FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '/');
		FUZZ_CHECK(path.find("//") == std::string::npos && path.find("/.") == std::string::npos && path.back() != '/');
	}

	std::vector<std::pair<std::string, std::string>> query;
	for (std::size_t i = 1; i < lines.size(); ++i)
	{
		const std::size_t equals = lines[i].find('=');
		query.emplace_back(lines[i].substr(0, equals), equals == std::string::npos ? "" : lines[i].substr(equals + 1));
	}
	std::string directives = "unchanged";
	if (PreviewPaths::reloadDirectives(query, directives)) FUZZ_CHECK(rebuilt(directives));
	return 0;
}
