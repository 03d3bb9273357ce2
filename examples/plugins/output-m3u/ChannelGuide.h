//
// ChannelGuide.h
//
// The tvg-id and logo of channels, from the catalog's source.
//

#ifndef m3uoutput_ChannelGuide_INCLUDED
#define m3uoutput_ChannelGuide_INCLUDED

#include <Poco/Mutex.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <Poco/Types.h>
#include <map>
#include <string>
#include <vector>

namespace restream {
class PluginContext;
}

namespace m3uoutput {

class ChannelGuide
	/// What a playlist entry needs beyond ChannelInfo: the EPG id (tvg-id)
	/// and the logo (tvg-logo), which only the source knows. Asks the source
	/// service named sourceName (empty: the first Source registered, the one
	/// the catalog shows by default) for its channels, and keeps the answer
	/// for ttl; a channel the answer did not have (one the source did not
	/// know then) triggers a new ask at most once a minute. The source is
	/// looked up for each ask and not kept (it belongs to another plugin).
	///
	/// Threads: lookup() may be called from any thread; one ask at a time,
	/// made without the lock: while it runs, other lookups answer from the
	/// entries known so far instead of waiting for the source.
	/// Errors: none thrown: a failing source is logged (redacted) and the
	/// entries go without tvg-id and logo.
{
public:
	struct Entry
	{
		std::string tvgId;
		std::string logo;
	};

	ChannelGuide(const restream::PluginContext& context, const std::string& sourceName, Poco::Timespan ttl);
		/// context must outlive the guide.

	std::map<Poco::Int64, Entry> lookup(const std::vector<Poco::Int64>& streamIds);
		/// The entries of the given channels that the source knows.

private:
	bool fetch(std::map<Poco::Int64, Entry>& entries) const;
		/// Fills entries with every channel of the source. False (logged) when
		/// there is no such source or it fails.

	const restream::PluginContext& _context;
	const std::string _sourceName;
	const Poco::Timespan _ttl;
	Poco::FastMutex _mutex; /// guards the fields below, never held while the source is asked
	std::map<Poco::Int64, Entry> _entries;
	Poco::Timestamp _askedAt;
	bool _asked = false;
	bool _asking = false;
};

} // namespace m3uoutput

#endif // m3uoutput_ChannelGuide_INCLUDED
