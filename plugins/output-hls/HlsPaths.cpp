//
// HlsPaths.cpp
//

#include "HlsPaths.h"
#include <Poco/NumberParser.h>

namespace outputhls {

namespace {

const std::size_t STREAM_ID_DIGITS = 18;  // below 2^63
const std::size_t SEQUENCE_DIGITS = 19;   // below 2^64
const std::size_t LONGEST_PATH = 128;     // anything longer is refused before parsing
const char* const PROGRAM_FOLDER = "program";

} // namespace

const std::string HlsPaths::PRIMARY_PLAYLIST = "/live.m3u8";
const std::string HlsPaths::INTERNAL_PLAYLIST = "/internal_stream.m3u8";
const std::string HlsPaths::CHANNEL_PREFIX = "/live/";
const std::string HlsPaths::SEGMENT_PREFIX = "/hls/";

std::string HlsPaths::segmentName(const std::string& token, Poco::UInt64 sequence)
{
	return token + "-" + std::to_string(sequence) + ".ts";
}

std::string HlsPaths::segmentFolder(Poco::Int64 streamId, PlaylistLocation location)
{
	const std::string folder = SEGMENT_PREFIX.substr(1) + (streamId == 0 ? std::string(PROGRAM_FOLDER) : std::to_string(streamId)) + "/";
	return location == PlaylistLocation::Root ? folder : "../" + folder;
}

bool HlsPaths::parseChannelPlaylist(const std::string& path, Poco::Int64& streamId)
{
	static const std::string suffix = ".m3u8";
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
	static const std::string suffix = ".ts";
	if (path.size() > LONGEST_PATH || path.compare(0, SEGMENT_PREFIX.size(), SEGMENT_PREFIX) != 0) return false;
	const std::string rest = path.substr(SEGMENT_PREFIX.size());
	const std::size_t slash = rest.find('/');
	if (slash == std::string::npos) return false;
	const std::string name = rest.substr(slash + 1);
	// <token>-<digits>.ts: the token has a fixed length, so the dash must sit right after it
	if (name.size() <= TOKEN_LENGTH + 1 + suffix.size() || name[TOKEN_LENGTH] != '-') return false;
	if (name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) return false;

	Poco::UInt64 id = 0;
	Poco::UInt64 number = 0;
	const std::string candidate = name.substr(0, TOKEN_LENGTH);
	const std::string folder = rest.substr(0, slash);
	if (folder != PROGRAM_FOLDER && (!parseNumber(folder, STREAM_ID_DIGITS, id) || id == 0)) return false;
	if (!isToken(candidate)) return false;
	if (!parseNumber(name.substr(TOKEN_LENGTH + 1, name.size() - TOKEN_LENGTH - 1 - suffix.size()), SEQUENCE_DIGITS, number))
		return false;
	streamId = static_cast<Poco::Int64>(id);
	token = candidate;
	sequence = number;
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
