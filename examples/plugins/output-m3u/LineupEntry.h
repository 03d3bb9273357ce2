//
// LineupEntry.h
//
// One channel of the playlist: what the catalog says of it and where it plays.
//

#ifndef m3uoutput_LineupEntry_INCLUDED
#define m3uoutput_LineupEntry_INCLUDED

#include "restream/ChannelInfo.h"
#include "restream/PlaybackUrls.h"

namespace m3uoutput {

struct LineupEntry
	/// A live channel as the playlist lists it. A value type; no field
	/// carries credentials (ChannelInfo never does, and the URL is one of
	/// this host's own).
{
	restream::ChannelInfo channel;
		/// The catalog's entry (name, number, EPG id, logo, category); the
		/// running channel's own copy when the catalog has none.

	bool onAir = false;
		/// The program's channel (the admin's channel on air).

	restream::PlaybackUrl url;
		/// Where a player plays it, from PlaybackUrls: absolute, of one of
		/// the formats the plugin prefers.
};

} // namespace m3uoutput

#endif // m3uoutput_LineupEntry_INCLUDED
