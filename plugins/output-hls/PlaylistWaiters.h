//
// PlaylistWaiters.h
//
// Playlist requests that wait for their playlist's first segment.
//

#ifndef outputhls_PlaylistWaiters_INCLUDED
#define outputhls_PlaylistWaiters_INCLUDED

#include "ChannelDirectory.h"
#include "HlsPaths.h"
#include "restream/RouteRequest.h"
#include "restream/RouteResponse.h"
#include <Poco/Timer.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <map>
#include <memory>
#include <mutex>

namespace outputhls {

class PlaylistWaiters
	/// A playlist that is coming (the program set, or a channel starting on
	/// demand, after a restart too) answers when its first segment exists,
	/// not 404 meanwhile: the request is held (a deferred RouteResponse: no
	/// thread waits) and answered by published(), or with 404 once longest
	/// has passed.
	///
	/// Threads: any; one lock, never held while answering.
{
public:
	PlaylistWaiters(std::shared_ptr<ChannelDirectory> directory, Poco::Timespan longest);
	~PlaylistWaiters();

	void wait(Poco::Int64 streamId, HlsPaths::PlaylistLocation location, const restream::RouteRequest& request,
		std::shared_ptr<restream::RouteResponse> response);
		/// Holds the request until streamId's playlist exists.

	void published(Poco::Int64 streamId);
		/// streamId's playlist may exist now: its waiters are answered.

	void stop();
		/// Answers every waiter (404) and stops the timer.

private:
	struct Waiter
	{
		Poco::Int64 streamId;
		HlsPaths::PlaylistLocation location;
		restream::RouteRequest request;
		std::shared_ptr<restream::RouteResponse> response;
		Poco::Timestamp since;
	};

	void expire(Poco::Timer& timer);
	void answer(const Waiter& waiter);
		/// Sends the playlist when it exists, else 404.

	const std::shared_ptr<ChannelDirectory> _directory;
	const Poco::Timespan _longest;
	std::mutex _mutex;
	std::multimap<Poco::Int64, Waiter> _waiters;
	Poco::Timer _timer;
};

} // namespace outputhls

#endif // outputhls_PlaylistWaiters_INCLUDED
