//
// PreviewPaths.cpp
//

#include "PreviewPaths.h"
#include "StreamId.h"

namespace uiadmin {

namespace {

const std::string PROGRAM_FOLDER = "program";
const std::size_t TOKEN_LENGTH = 10;
const std::size_t SEQUENCE_DIGITS = 19; // always below 2^64
const std::size_t PART_DIGITS = 4;      // a segment never has ten thousand parts
const std::string TS_TYPE = "video/mp2t";
const std::string CMAF_TYPE = "video/mp4";
const std::string MSN = "_HLS_msn";
const std::string PART = "_HLS_part";

bool isToken(const std::string& text)
{
	return text.size() == TOKEN_LENGTH && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

const std::string PreviewPaths::PREFIX = "/preview";
const std::string PreviewPaths::PLAYLIST = PREFIX + "/live.m3u8";
const std::string PreviewPaths::LOW_LATENCY_PLAYLIST = PREFIX + "/live.ll.m3u8";
const std::string PreviewPaths::MEDIA = PREFIX + "/hls/";
const std::string PreviewPaths::PLAYLIST_TYPE = "application/vnd.apple.mpegurl";

std::string PreviewPaths::mediaType(const std::string& path)
{
	if (path.compare(0, MEDIA.size(), MEDIA) != 0) return "";
	const auto slash = path.find('/', MEDIA.size());
	if (slash == std::string::npos) return "";
	const std::string folder = path.substr(MEDIA.size(), slash - MEDIA.size());
	Poco::Int64 streamId = 0;
	if (folder != PROGRAM_FOLDER && !StreamId::parse(folder, streamId)) return "";

	// <token>-<n>.<extension> or <token>-<n>.<p>.m4s
	const std::string name = path.substr(slash + 1);
	if (name.size() <= TOKEN_LENGTH + 1 || !isToken(name.substr(0, TOKEN_LENGTH)) || name[TOKEN_LENGTH] != '-') return "";
	const std::string numbers = name.substr(TOKEN_LENGTH + 1);
	const auto dot = numbers.find('.');
	if (dot == std::string::npos || !isNumber(numbers.substr(0, dot), SEQUENCE_DIGITS)) return "";
	const std::string rest = numbers.substr(dot + 1);
	if (rest == "ts") return TS_TYPE;
	if (rest == "mp4" || rest == "m4s") return CMAF_TYPE;
	const auto partDot = rest.find('.');
	if (partDot != std::string::npos && rest.substr(partDot + 1) == "m4s" && isNumber(rest.substr(0, partDot), PART_DIGITS)) return CMAF_TYPE;
	return "";
}

bool PreviewPaths::reloadDirectives(const std::vector<std::pair<std::string, std::string>>& query, std::string& directives)
{
	const std::string* msn = nullptr;
	const std::string* part = nullptr;
	for (const auto& parameter : query)
	{
		const std::string** directive = parameter.first == MSN ? &msn : parameter.first == PART ? &part : nullptr;
		if (!directive) continue; // dropped, never passed on
		if (*directive) return false;
		*directive = &parameter.second;
	}
	if (!msn)
	{
		directives.clear();
		return !part;
	}
	if (!isNumber(*msn, SEQUENCE_DIGITS) || (part && !isNumber(*part, PART_DIGITS))) return false;
	directives = "?" + MSN + "=" + *msn + (part ? "&" + PART + "=" + *part : "");
	return true;
}

bool PreviewPaths::isNumber(const std::string& text, std::size_t maxDigits)
{
	if (text.empty() || text.size() > maxDigits || (text.size() > 1 && text[0] == '0')) return false;
	return text.find_first_not_of("0123456789") == std::string::npos;
}

} // namespace uiadmin
