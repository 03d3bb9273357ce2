//
// hdhr-m3u.cpp
//
// M3uWriter on any channel a provider lists: the input lines are the name,
// EPG id, logo URL, category, guide number, the stream URL and the guide URL.
// Contract: nothing throws; whatever the text, the entry is exactly two
// lines, its #EXTINF line has the five attributes (ten '"') and one comma,
// before the title; the header is one line with its two attributes.
//

#include "FuzzInput.h"
#include "M3uWriter.h"
#include <algorithm>

using outputhdhr::M3uWriter;

namespace {

std::size_t count(const std::string& text, char c)
{
	return static_cast<std::size_t>(std::count(text.begin(), text.end(), c));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	std::vector<std::string> lines = restreamfuzz::lines(restreamfuzz::text(data, size));
	lines.resize(7);
	outputhdhr::LineupSnapshot::Entry entry;
	entry.channel.name = lines[0];
	entry.channel.epgId = lines[1];
	entry.channel.logoUrl = lines[2];
	entry.channel.categoryName = lines[3];
	entry.guideNumber = lines[4];

	std::string out;
	M3uWriter::appendEntry(out, entry, lines[5]);
	FUZZ_CHECK(count(out, '\n') == 2 && out.back() == '\n' && count(out, '\r') == 0);
	const std::string extinf = out.substr(0, out.find('\n'));
	FUZZ_CHECK(extinf.compare(0, 10, "#EXTINF:-1") == 0);
	FUZZ_CHECK(count(extinf, '"') == 10 && count(extinf, ',') == 1);
	FUZZ_CHECK(extinf.rfind('"') < extinf.find(','));
	FUZZ_CHECK(extinf.substr(extinf.find(',') + 1) == M3uWriter::text(lines[0]));

	const std::string header = M3uWriter::header(lines[6]);
	FUZZ_CHECK(count(header, '\n') == 1 && header.back() == '\n' && count(header, '\r') == 0 && count(header, '"') == 4);
	return 0;
}
