//
// Lineup.h
//
// The channels the tuner offers, rebuilt when the catalog changes.
//

#ifndef outputhdhr_Lineup_INCLUDED
#define outputhdhr_Lineup_INCLUDED

#include "ChannelNumbers.h"
#include "LineupSnapshot.h"
#include "restream/Catalog.h"
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace outputhdhr {

class Lineup
	/// The catalog's channels, all of them or those of some categories,
	/// with their GuideNumbers (ChannelNumbers), as a snapshot rebuilt only
	/// when the catalog's version changes: a 50 000-channel lineup is made
	/// once per catalog, not once per request.
	///
	/// Threads: current() from any thread; a rebuild runs under a lock.
	/// Errors: current() throws SourceException when the catalog has none
	/// yet and the source cannot give it.
{
public:
	Lineup(restream::Catalog& catalog, std::set<std::string> categories, ChannelNumbers numbers);

	std::shared_ptr<const LineupSnapshot> current();

	static bool looksHd(const std::string& name);
		/// True when a word of name is HD, FHD, UHD or 4K.

private:
	std::shared_ptr<const LineupSnapshot> build(Poco::Int64 version);

	restream::Catalog& _catalog;
	const std::set<std::string> _categories;
	std::mutex _mutex;
	ChannelNumbers _numbers;
	std::shared_ptr<const LineupSnapshot> _snapshot;
};

} // namespace outputhdhr

#endif // outputhdhr_Lineup_INCLUDED
