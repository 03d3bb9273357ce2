//
// M3uEntry.h
//
// One channel of an M3U playlist.
//

#ifndef m3usource_M3uEntry_INCLUDED
#define m3usource_M3uEntry_INCLUDED

#include <Poco/Types.h>
#include <string>

namespace m3usource {

struct M3uEntry
	/// An #EXTINF line and the URL that follows it. A value type. url
	/// usually carries the account's credentials: never log it, never put
	/// it in an answer.
{
	Poco::Int64 streamId = 0; /// stable: see M3uPlaylist
	std::string name;         /// the text after the attributes' comma (or tvg-name)
	std::string number;       /// tvg-chno, the channel number viewers tune; may be empty
	std::string tvgId;        /// tvg-id, the EPG channel id; may be empty
	std::string tvgLogo;      /// tvg-logo, a URL; may be empty
	std::string group;        /// group-title (or #EXTGRP); may be empty
	std::string categoryId;   /// the id of group's category, empty without a group
	std::string url;          /// http(s) URL of the stream
};

} // namespace m3usource

#endif // m3usource_M3uEntry_INCLUDED
