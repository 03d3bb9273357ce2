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

	static void send(const std::shared_ptr<HlsChannel>& channel, HlsPaths::PlaylistLocation location, const Want& want,
		const restream::RouteRequest& request, restream::RouteResponse& response);
		/// Answers the playlist as it is now (404 when channel is null or has
		/// none) and counts the client as a viewer: what a waiter gets, and
		/// what PlaylistRoute sends when there is nothing to wait for.
		///
		/// Caching: public, max-age=1, but no-store for a blocking reload
		/// that does not hold what it asked for (it timed out, or the
		/// playlist ended without it): a cache must not hand that to the
		/// next viewer who asks the same URL, who would ask again at once.
		/// A blocking reload that holds its part stays the right answer to
		/// that URL however many parts follow, and its viewers all ask
		/// within a part or two of each other, so a second (an edge counting
		/// whole seconds keeps it 1 to 2 s) lets one request to the origin
		/// answer all of them while a latecomer gets at most two seconds'
		/// parts fewer than it could have, which its next reload (answered
		/// at once) makes up. The playlist without directives is the first
		/// request of a viewer only (players then reload with directives):
		/// a second as well, like the TS playlists and as AWS MediaPackage
		/// gives its LL-HLS playlists.

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

	const std::shared_ptr<ChannelDirectory> _directory;
	const Poco::Timespan _startWait;
	std::mutex _mutex;
	std::multimap<Poco::Int64, Waiter> _waiters;
	Poco::Timer _timer;
};

} // namespace outputhls

#endif // outputhls_PlaylistWaiters_INCLUDED
