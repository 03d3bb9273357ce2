//
// M3uWriter.h
//
// M3U Plus lines that every player's parser reads the same way.
//

#ifndef outputhdhr_M3uWriter_INCLUDED
#define outputhdhr_M3uWriter_INCLUDED

#include "LineupSnapshot.h"
#include <string>

namespace outputhdhr {

class M3uWriter
	/// Writes M3U Plus: `#EXTM3U url-tvg="…"`, then per channel
	/// `#EXTINF:-1 tvg-id tvg-name tvg-logo tvg-chno group-title,Name` and
	/// its URL. Parsers split attributes on '"' (Jellyfin's regex, Kodi,
	/// VLC) and the title on a comma (some on the first, some on the last),
	/// so no text breaks a line: in attributes and the title a '"' becomes
	/// "'", a comma the look-alike U+201A '‚', line breaks spaces; in the
	/// logo URL they are percent-encoded.
	/// Stateless; any thread; nothing throws.
{
public:
	static std::string header(const std::string& guideUrl);
		/// The first line, with its line end.

	static void appendEntry(std::string& out, const LineupSnapshot::Entry& entry, const std::string& url);
		/// Appends the entry's #EXTINF line and its URL line.

	static std::string text(const std::string& value);
		/// value made safe inside an attribute or as the title.

	static std::string link(const std::string& value);
		/// A URL made safe inside an attribute.
};

} // namespace outputhdhr

#endif // outputhdhr_M3uWriter_INCLUDED
