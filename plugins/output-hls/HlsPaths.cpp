//
// HlsPaths.cpp
//

#include "HlsPaths.h"
#include <Poco/NumberParser.h>

namespace outputhls {

namespace {

const std::size_t STREAM_ID_DIGITS = 18;  // below 2^63
const std::size_t SEQUENCE_DIGITS = 19;   // below 2^64
const std::size_t PART_DIGITS = 4;        // a segment never has ten thousand parts
const std::size_t LONGEST_PATH = 128;     // anything longer is refused before parsing
const char* const PROGRAM_FOLDER = "program";

} // namespace

const std::string HlsPaths::PRIMARY_PLAYLIST = "/live.m3u8";
const std::string HlsPaths::INTERNAL_PLAYLIST = "/internal_stream.m3u8";
const std::string HlsPaths::LOW_LATENCY_PLAYLIST = "/live.ll.m3u8";
const std::string HlsPaths::CHANNEL_PREFIX = "/live/";
const std::string HlsPaths::SEGMENT_PREFIX = "/hls/";

std::string HlsPaths::segmentName(const std::string& token, Poco::UInt64 sequence)
{
	return token + "-" + std::to_string(sequence) + ".ts";
}

std::string HlsPaths::initName(const std::string& token, Poco::UInt64 run)
{
	return token + "-" + std::to_string(run) + ".mp4";
}

std::string HlsPaths::cmafSegmentName(const std::string& token, Poco::UInt64 sequence)
{
	return token + "-" + std::to_string(sequence) + ".m4s";
}

std::string HlsPaths::partName(const std::string& token, Poco::UInt64 sequence, std::size_t part)
{
	return token + "-" + std::to_string(sequence) + "." + std::to_string(part) + ".m4s";
}

std::string HlsPaths::segmentFolder(Poco::Int64 streamId, PlaylistLocation location)
{
	const std::string folder = SEGMENT_PREFIX.substr(1) + (streamId == 0 ? std::string(PROGRAM_FOLDER) : std::to_string(streamId)) + "/";
	return location == PlaylistLocation::Root ? folder : "../" + folder;
}

bool HlsPaths::parseChannelPlaylist(const std::string& path, Poco::Int64& streamId)
{
	return parsePlaylist(path, ".m3u8", streamId);
}

bool HlsPaths::parseLowLatencyPlaylist(const std::string& path, Poco::Int64& streamId)
{
	return parsePlaylist(path, ".ll.m3u8", streamId);
}

bool HlsPaths::parsePlaylist(const std::string& path, const std::string& suffix, Poco::Int64& streamId)
{
	if (path.size() > LONGEST_PATH || path.size() <= CHANNEL_PREFIX.size() + suffix.size()) return false;
	if (path.compare(0, CHANNEL_PREFIX.size(), CHANNEL_PREFIX) != 0) return false;
	if (path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
	Poco::UInt64 id = 0;
	const std::string digits = path.substr(CHANNEL_PREFIX.size(), path.size() - CHANNEL_PREFIX.size() - suffix.size());
	if (!parseNumber(digits, STREAM_ID_DIGITS, id) || id == 0) return false;
	streamId = static_cast<Poco::Int64>(id);
	return true;
}

bool HlsPaths::parseSegment(const std::string& path, Poco::Int64& streamId, std::string& token, Poco::UInt64& sequence)
{
	Media media;
	if (!parseMedia(path, media) || media.kind != MediaKind::TsSegment) return false;
	streamId = media.streamId;
	token = media.token;
	sequence = media.number;
	return true;
}

bool HlsPaths::parseMedia(const std::string& path, Media& media)
{
	if (path.size() > LONGEST_PATH || path.compare(0, SEGMENT_PREFIX.size(), SEGMENT_PREFIX) != 0) return false;
	const std::string rest = path.substr(SEGMENT_PREFIX.size());
	const std::size_t slash = rest.find('/');
	if (slash == std::string::npos) return false;
	const std::string name = rest.substr(slash + 1);
	// <token>-<name>: the token has a fixed length, so the dash must sit right after it
	if (name.size() <= TOKEN_LENGTH + 1 || name[TOKEN_LENGTH] != '-') return false;
	const std::string candidate = name.substr(0, TOKEN_LENGTH);
	const std::string folder = rest.substr(0, slash);
	Poco::UInt64 id = 0;
	if (folder != PROGRAM_FOLDER && (!parseNumber(folder, STREAM_ID_DIGITS, id) || id == 0)) return false;
	if (!isToken(candidate)) return false;

	const std::string numbers = name.substr(TOKEN_LENGTH + 1);
	const std::size_t dot = numbers.find('.');
	if (dot == std::string::npos) return false;
	const std::string extension = numbers.substr(numbers.rfind('.') + 1);
	Media parsed;
	if (!parseNumber(numbers.substr(0, dot), SEQUENCE_DIGITS, parsed.number)) return false;
	const std::string middle = numbers.substr(dot + 1, numbers.size() - dot - 1 - extension.size());  // "" or "<part>."
	if (middle.empty() && extension == "ts") parsed.kind = MediaKind::TsSegment;
	else if (middle.empty() && extension == "mp4") parsed.kind = MediaKind::InitSegment;
	else if (middle.empty() && extension == "m4s") parsed.kind = MediaKind::CmafSegment;
	else if (extension == "m4s" && middle.size() > 1 && middle.back() == '.' &&
		parseNumber(middle.substr(0, middle.size() - 1), PART_DIGITS, parsed.part))
		parsed.kind = MediaKind::Part;
	else return false;
	parsed.streamId = static_cast<Poco::Int64>(id);
	parsed.token = candidate;
	media = parsed;
	return true;
}

bool HlsPaths::isToken(const std::string& text)
{
	if (text.size() != TOKEN_LENGTH) return false;
	for (const char c : text)
	{
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
	}
	return true;
}

bool HlsPaths::parseNumber(const std::string& text, std::size_t maxDigits, Poco::UInt64& value)
{
	if (text.empty() || text.size() > maxDigits) return false;
	if (text.size() > 1 && text[0] == '0') return false;
	for (const char c : text)
	{
		if (c < '0' || c > '9') return false;
	}
	return Poco::NumberParser::tryParseUnsigned64(text, value);
}

} // namespace outputhls
