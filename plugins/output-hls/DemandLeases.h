//
// DemandLeases.h
//
// Channels held running by their HLS viewers.
//

#ifndef outputhls_DemandLeases_INCLUDED
#define outputhls_DemandLeases_INCLUDED

#include "restream/Channels.h"
#include <Poco/Timer.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <map>
#include <memory>
#include <mutex>

namespace outputhls {

class DemandLeases
	/// What makes a channel run on demand for HLS: a request for a channel's
	/// playlist or segment takes a lease on it (starting it when it does not
	/// run) or keeps the one taken; a lease nobody renews for three target
	/// durations (a player polls its playlist every target duration) is
	/// released, and the host stops the channel live.idleTimeout later if
	/// nothing else holds it. HEAD requests never come here.
	///
	/// Threads: any; one lock, never held while calling the host.
	/// Errors: hold() throws restream::ChannelException when the host refuses.
{
public:
	DemandLeases(restream::Channels& channels, Poco::Timespan idle);
	~DemandLeases();
		/// Releases every lease.

	void hold(Poco::Int64 streamId);
		/// A viewer asked for streamId's playlist now: its lease is taken
		/// (the channel starts if it does not run) or kept.

	void renew(Poco::Int64 streamId);
		/// A viewer fetched a segment of streamId: its lease, if any, is kept.

	void releaseAll();
		/// Releases every lease and stops the timer (before the plugin stops).

private:
	void expire(Poco::Timer& timer);

	struct Held
	{
		std::unique_ptr<restream::ChannelLease> lease;
		Poco::Timestamp lastRequest;
	};

	restream::Channels& _channels;
	const Poco::Timespan _idle;
	std::mutex _mutex;
	std::map<Poco::Int64, Held> _held;
	Poco::Timer _timer;
};

} // namespace outputhls

#endif // outputhls_DemandLeases_INCLUDED
