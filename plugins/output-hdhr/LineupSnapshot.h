//
// LineupSnapshot.h
//
// The tuner's channels for one catalog version.
//

#ifndef outputhdhr_LineupSnapshot_INCLUDED
#define outputhdhr_LineupSnapshot_INCLUDED

#include "restream/ChannelInfo.h"
#include <Poco/Types.h>
#include <set>
#include <string>
#include <vector>

namespace outputhdhr {

struct LineupSnapshot
	/// The lineup as Lineup built it from one catalog version: immutable
	/// once published, shared by every request that reads it.
{
	struct Entry
	{
		restream::ChannelInfo channel;
		std::string guideNumber; /// GuideNumber = tvg-chno
		bool hd = false;         /// the name says HD, FHD, UHD or 4K
	};

	Poco::Int64 catalogVersion = 0;
	std::vector<Entry> entries;     /// in the catalog's order
	std::set<std::string> guideIds; /// the entries' non-empty EPG ids (XMLTV channel ids)
	std::string fingerprint;        /// changes exactly when guideIds change
};

} // namespace outputhdhr

#endif // outputhdhr_LineupSnapshot_INCLUDED
