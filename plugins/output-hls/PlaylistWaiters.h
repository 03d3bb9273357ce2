//
// PlaylistWaiters.h
//
// Playlist requests that wait for their playlist's first segment, or for
// the part a blocking reload asks for.
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
	/// Holds playlist requests (a deferred RouteResponse: no thread waits)
	/// until what they want exists:
	///  - a playlist that is coming (the program set, or a channel starting
	///    on demand, after a restart too) answers when its first segment (or,
	///    low-latency, its first part) exists, not 404 meanwhile; 404 once
	///    startWait has passed;
	///  - a blocking reload of a low-latency playlist (_HLS_msn, _HLS_part)
	///    answers when the playlist holds the asked segment or part, or with
	///    the playlist as it is once its bound has passed.
	/// published() answers the ready ones; a timer the expired ones.
	///
	/// Threads: any; one lock, never held while answering.
{
public:
	struct Want
		/// What a held request waits for.
	{
		bool lowLatency = false;    /// the low-latency rendition's playlist, else the TS one
		bool blocking = false;      /// a blocking reload: the next fields count
		Poco::UInt64 sequence = 0;  /// _HLS_msn
		bool hasPart = false;
		std::size_t part = 0;       /// _HLS_part
	};

	PlaylistWaiters(std::shared_ptr<ChannelDirectory> directory, Poco::Timespan startWait);
	~PlaylistWaiters();

	void wait(Poco::Int64 streamId, HlsPaths::PlaylistLocation location, const Want& want, const restream::RouteRequest& request,
		std::shared_ptr<restream::RouteResponse> response, Poco::Timespan longest = 0);
		/// Holds the request until want is met, or longest (0: startWait) has passed.

	void published(Poco::Int64 streamId);
		/// streamId's playlists may have moved on: its ready waiters are answered.

	void stop();
		/// Answers every waiter (with what exists, else 404) and stops the timer.

private:
	struct Waiter
	{
		Poco::Int64 streamId;
		HlsPaths::PlaylistLocation location;
		Want want;
		restream::RouteRequest request;
		std::shared_ptr<restream::RouteResponse> response;
		Poco::Timestamp since;
		Poco::Timespan longest;
	};

	static bool ready(HlsChannel& channel, const Waiter& waiter);
	void expire(Poco::Timer& timer);
	void answer(const Waiter& waiter);
		/// Sends the playlist when it exists, else 404.

	const std::shared_ptr<ChannelDirectory> _directory;
	const Poco::Timespan _startWait;
	std::mutex _mutex;
	std::multimap<Poco::Int64, Waiter> _waiters;
	Poco::Timer _timer;
};

} // namespace outputhls

#endif // outputhls_PlaylistWaiters_INCLUDED
