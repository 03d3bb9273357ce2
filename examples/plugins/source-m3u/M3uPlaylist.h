//
// M3uPlaylist.h
//
// A parsed M3U playlist: its channels and the categories their groups make.
//

#ifndef m3usource_M3uPlaylist_INCLUDED
#define m3usource_M3uPlaylist_INCLUDED

#include "M3uEntry.h"
#include "restream/Source.h"
#include <cstddef>
#include <string>
#include <vector>

namespace m3usource {

class M3uPlaylist
	/// The channels of an M3U playlist ("#EXTM3U", then "#EXTINF:-1
	/// tvg-id=... tvg-chno=... tvg-logo=... group-title=...,Name" followed by
	/// a URL line), and one category per distinct group-title, in order of
	/// appearance.
	///
	/// Ids are stable across reloads, whatever the order of the playlist:
	///   - a channel's stream id is derived from its tvg-id and name (FNV-1a,
	///     1 to 2^31-1); two channels that hash alike get the next free id, in
	///     playlist order;
	///   - a category's id is derived from its group's name the same way.
	/// Only http and https entries are kept (the live pipeline opens nothing
	/// else); entries without a URL or with another scheme are counted in
	/// skipped().
	///
	/// Threads: immutable after parse(); share it freely.
{
public:
	static M3uPlaylist parse(const std::string& text);
		/// Parses text (UTF-8, optional BOM, LF or CRLF). Throws
		/// Poco::DataFormatException when text is not an M3U playlist (no
		/// "#EXTM3U" header and no "#EXTINF" line). The exception's message
		/// never quotes the text.

	const std::vector<M3uEntry>& entries() const;
	const std::vector<restream::SourceCategory>& categories() const;

	const M3uEntry* find(Poco::Int64 streamId) const;
		/// The entry of streamId, or null.

	std::size_t skipped() const;
		/// Entries left out: no URL, or a scheme other than http(s).

private:
	static Poco::Int64 hashId(const std::string& key);
	static void parseInfo(const std::string& line, M3uEntry& entry);
	static std::string lowerCase(const std::string& text);

	std::vector<M3uEntry> _entries;
	std::vector<restream::SourceCategory> _categories;
	std::size_t _skipped = 0;
};

} // namespace m3usource

#endif // m3usource_M3uPlaylist_INCLUDED
