//
// LiveLineup.h
//
// The channels live right now, with their catalog metadata and playback URLs.
//

#ifndef m3uoutput_LiveLineup_INCLUDED
#define m3uoutput_LiveLineup_INCLUDED

#include "LineupEntry.h"
#include "restream/Catalog.h"
#include "restream/Channels.h"
#include "restream/PlaybackUrls.h"
#include "restream/RouteRequest.h"
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

namespace m3uoutput {

class LiveLineup
	/// What /playlist.m3u lists, from the host's three services alone (no
	/// Output, no sink: the host knows what runs):
	///   - Channels::list(): the running channels; those whose state is Live
	///     are listed (a starting, reconnecting or failing channel is not
	///     playable now), the program's channel first, then by channel
	///     number (numerically when both are whole numbers), name and id;
	///   - Catalog::find(): each one's current name, number, EPG id, logo and
	///     category; when the catalog lacks the channel or cannot answer, the
	///     running channel's own ChannelInfo (its catalog entry when it
	///     started);
	///   - PlaybackUrls::channel(): its URLs, one per PlaybackForm the loaded
	///     outputs registered; the first of the preferred formats is taken,
	///     and a channel no output serves in one of them is left out. URLs
	///     are never built by hand: the form knows its path, the host knows
	///     the port's public address (public.<port>Url, else the request's
	///     host name and the port's number).
	///
	/// Ownership: keeps references to the host's services, valid until the
	/// plugin's stop() returns (the registry drops the route that owns this
	/// object before that). Threads: entries() from any number of threads at
	/// once; immutable after construction.
	/// Errors: entries() throws nothing of the host's (a failing catalog is
	/// logged at debug level and done without); only std::bad_alloc can escape.
{
public:
	LiveLineup(restream::Channels& channels, restream::Catalog& catalog, const restream::PlaybackUrls& urls,
		std::vector<std::string> formats, Poco::Logger& logger);
		/// formats: the PlaybackForm formats wanted, in order of preference,
		/// lower case ("hls", "ts"); not empty. logger must outlive the
		/// lineup (the plugin's, which redacts).

	std::vector<LineupEntry> entries(const restream::RouteRequest& request) const;
		/// The live channels in playlist order, with URLs as the client of
		/// request reaches this host. May block while the catalog loads (on
		/// a worker thread, never a quick route).

private:
	bool pickUrl(Poco::Int64 streamId, const restream::RouteRequest& request, restream::PlaybackUrl& url) const;
		/// The URL of streamId in the first preferred format served; false when none is.

	static bool before(const LineupEntry& a, const LineupEntry& b);
		/// The playlist's order (see above).

	restream::Channels& _channels;
	restream::Catalog& _catalog;
	const restream::PlaybackUrls& _urls;
	const std::vector<std::string> _formats;
	Poco::Logger& _logger;
};

} // namespace m3uoutput

#endif // m3uoutput_LiveLineup_INCLUDED
