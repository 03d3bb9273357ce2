//
// EmptyGuide.h
//
// An XMLTV document with the lineup's channels and no programme.
//

#ifndef outputhdhr_EmptyGuide_INCLUDED
#define outputhdhr_EmptyGuide_INCLUDED

#include "LineupSnapshot.h"
#include <string>

namespace outputhdhr {

class EmptyGuide
	/// What /epg.xml answers while no filtered guide exists (the first
	/// download is running, the source has none, the provider fails): a
	/// valid <tv> with one <channel> per lineup EPG id (display-name, icon),
	/// so Jellyfin maps its channels anyway.
	/// Stateless; any thread; nothing throws but std::bad_alloc.
{
public:
	static std::string write(const LineupSnapshot& lineup);
};

} // namespace outputhdhr

#endif // outputhdhr_EmptyGuide_INCLUDED
