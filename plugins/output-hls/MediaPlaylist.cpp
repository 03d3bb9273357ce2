//
// MediaPlaylist.cpp
//

#include "MediaPlaylist.h"
#include <Poco/DateTimeFormatter.h>
#include <algorithm>

namespace outputhls {

std::string MediaPlaylist::render(const std::deque<Segment>& segments, std::size_t windowSize, int targetDuration,
	const std::string& segmentFolder, bool ended)
{
	const std::size_t count = std::min(windowSize, segments.size());
	const auto first = segments.end() - static_cast<std::ptrdiff_t>(count);
	std::string text;
	text.reserve(256 + 160 * count);
	text += "#EXTM3U\n";
	text += "#EXT-X-VERSION:3\n";
	text += "#EXT-X-TARGETDURATION:" + std::to_string(targetDuration) + "\n";
	text += "#EXT-X-MEDIA-SEQUENCE:" + std::to_string(first->sequence) + "\n";
	// the discontinuity sequence number of the window's first segment, less
	// its own tag, which the playlist still carries
	if (segments.back().discontinuitySequence > 0)
	{
		const Poco::UInt64 before = first->discontinuitySequence - (first->discontinuity ? 1 : 0);
		text += "#EXT-X-DISCONTINUITY-SEQUENCE:" + std::to_string(before) + "\n";
	}
	text += "#EXT-X-INDEPENDENT-SEGMENTS\n";
	for (auto segment = first; segment != segments.end(); ++segment)
	{
		if (segment->discontinuity) text += "#EXT-X-DISCONTINUITY\n";
		text += "#EXT-X-PROGRAM-DATE-TIME:" +
			Poco::DateTimeFormatter::format(segment->programDateTime, "%Y-%m-%dT%H:%M:%S.%iZ") + "\n";
		text += "#EXTINF:" + seconds(segment->duration) + ",\n";
		text += segmentFolder + segment->name + "\n";
	}
	if (ended) text += "#EXT-X-ENDLIST\n";
	return text;
}

int MediaPlaylist::targetDuration(Poco::Int64 duration)
{
	const Poco::Int64 milliseconds = (duration + 500) / 1000;
	return static_cast<int>(std::max<Poco::Int64>(1, (milliseconds + 999) / 1000));
}

std::string MediaPlaylist::seconds(Poco::Int64 duration)
{
	const Poco::Int64 milliseconds = std::max<Poco::Int64>(0, (duration + 500) / 1000);
	const std::string fraction = std::to_string(milliseconds % 1000);
	return std::to_string(milliseconds / 1000) + "." + std::string(3 - fraction.size(), '0') + fraction;
}

} // namespace outputhls
