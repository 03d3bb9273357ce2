//
// M3uWriter.cpp
//

#include "M3uWriter.h"

namespace outputhdhr {

namespace {

const char* const COMMA_LOOKALIKE = "\xE2\x80\x9A"; // U+201A SINGLE LOW-9 QUOTATION MARK

void appendAttribute(std::string& out, const char* name, const std::string& value)
{
	out += ' ';
	out += name;
	out += "=\"";
	out += value;
	out += '"';
}

} // namespace

std::string M3uWriter::header(const std::string& guideUrl)
{
	const std::string url = link(guideUrl);
	return "#EXTM3U url-tvg=\"" + url + "\" x-tvg-url=\"" + url + "\"\n";
}

void M3uWriter::appendEntry(std::string& out, const LineupSnapshot::Entry& entry, const std::string& url)
{
	const std::string name = text(entry.channel.name);
	out += "#EXTINF:-1";
	appendAttribute(out, "tvg-id", text(entry.channel.epgId));
	appendAttribute(out, "tvg-name", name);
	appendAttribute(out, "tvg-logo", link(entry.channel.logoUrl));
	appendAttribute(out, "tvg-chno", text(entry.guideNumber));
	appendAttribute(out, "group-title", text(entry.channel.categoryName));
	out += ',';
	out += name;
	out += '\n';
	out += link(url);
	out += '\n';
}

std::string M3uWriter::text(const std::string& value)
{
	std::string safe;
	safe.reserve(value.size());
	for (const char c : value)
	{
		if (c == '"')
			safe += '\'';
		else if (c == ',')
			safe += COMMA_LOOKALIKE;
		else if (c == '\r' || c == '\n' || c == '\t')
			safe += ' ';
		else
			safe += c;
	}
	return safe;
}

std::string M3uWriter::link(const std::string& value)
{
	std::string safe;
	safe.reserve(value.size());
	for (const char c : value)
	{
		if (c == '"')
			safe += "%22";
		else if (c == ',')
			safe += "%2C";
		else if (c == ' ')
			safe += "%20";
		else if (c != '\r' && c != '\n' && c != '\t')
			safe += c;
	}
	return safe;
}

} // namespace outputhdhr
