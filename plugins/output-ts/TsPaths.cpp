//
// TsPaths.cpp
//

#include "TsPaths.h"

namespace outputts {

namespace {

const std::string SUFFIX = ".ts";
const std::size_t MAX_DIGITS = 18;

} // namespace

const std::string TsPaths::PROGRAM = "/live.ts";
const std::string TsPaths::CHANNEL_PREFIX = "/stream/";
const std::string TsPaths::CHANNEL_FORM = "/stream/{stream_id}.ts";

bool TsPaths::parseChannel(const std::string& path, Poco::Int64& streamId)
{
	if (path.size() <= CHANNEL_PREFIX.size() + SUFFIX.size() || path.compare(0, CHANNEL_PREFIX.size(), CHANNEL_PREFIX) != 0 ||
		path.compare(path.size() - SUFFIX.size(), SUFFIX.size(), SUFFIX) != 0)
		return false;
	const std::string digits = path.substr(CHANNEL_PREFIX.size(), path.size() - CHANNEL_PREFIX.size() - SUFFIX.size());
	if (digits.empty() || digits.size() > MAX_DIGITS || digits[0] == '0') return false;
	Poco::Int64 value = 0;
	for (const char c : digits)
	{
		if (c < '0' || c > '9') return false;
		value = value * 10 + (c - '0');
	}
	streamId = value;
	return true;
}

} // namespace outputts
