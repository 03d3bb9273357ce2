//
// M3uWriter.cpp
//

#include "M3uWriter.h"
#include <Poco/String.h>

namespace m3uoutput {

std::string M3uWriter::render(const std::vector<LineupEntry>& entries)
{
	std::string text = "#EXTM3U\n";
	for (const LineupEntry& entry : entries)
	{
		const restream::ChannelInfo& channel = entry.channel;
		text += "#EXTINF:-1 tvg-id=\"" + attribute(channel.epgId) + "\" tvg-chno=\"" + attribute(channel.number) + "\" tvg-name=\"" +
			attribute(channel.name) + "\" tvg-logo=\"" + attribute(channel.logoUrl) + "\" group-title=\"" +
			attribute(channel.categoryName) + "\"," + oneLine(channel.name) + "\n";
		text += oneLine(entry.url.url) + "\n";
	}
	return text;
}

std::string M3uWriter::attribute(const std::string& value)
{
	std::string safe = oneLine(value);
	Poco::replaceInPlace(safe, "\"", "'");
	return safe;
}

std::string M3uWriter::oneLine(const std::string& text)
{
	std::string line;
	line.reserve(text.size());
	for (const char c : text) line += (c == '\r' || c == '\n') ? ' ' : c;
	return Poco::trim(line);
}

} // namespace m3uoutput
