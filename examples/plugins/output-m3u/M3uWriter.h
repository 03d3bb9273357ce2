//
// M3uWriter.h
//
// A lineup as the text of an extended M3U playlist.
//

#ifndef m3uoutput_M3uWriter_INCLUDED
#define m3uoutput_M3uWriter_INCLUDED

#include "LineupEntry.h"
#include <string>
#include <vector>

namespace m3uoutput {

class M3uWriter
	/// Renders
	///   #EXTM3U
	///   #EXTINF:-1 tvg-id="<EPG id>" tvg-chno="<number>" tvg-name="<name>" tvg-logo="<logo>" group-title="<category>",<name>
	///   <url>
	/// for each entry, in the given order, lines ending in "\n", UTF-8 as
	/// the catalog gives it. What media centres read: tvg-id matches the
	/// XMLTV guide's channel ids, tvg-chno is the number to tune. Every
	/// attribute is present, empty when unknown. A value never breaks the
	/// format: no line break anywhere, no '"' inside an attribute.
	/// Stateless; any thread. Errors: none (std::bad_alloc aside).
{
public:
	static std::string render(const std::vector<LineupEntry>& entries);

	static std::string attribute(const std::string& value);
		/// value made safe inside a quoted attribute: on one line, '"' as '\''.

	static std::string oneLine(const std::string& text);
		/// text with line breaks as spaces, trimmed.
};

} // namespace m3uoutput

#endif // m3uoutput_M3uWriter_INCLUDED
