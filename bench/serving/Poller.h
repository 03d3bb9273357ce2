//
// Poller.h
//

#ifndef restream_bench_Poller_INCLUDED
#define restream_bench_Poller_INCLUDED

#include "ClientConnection.h"
#include "PollStatistics.h"
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace restream::bench {

class Poller
	/// One simulated client of serving-players that polls a path every interval until an end time.
	/// As a player, a poll fetches the playlist and then the newest segment the playlist names, on one
	/// kept-alive connection (opened again when the server closed it, as a player's HTTP stack does),
	/// and is timed from the playlist request to the segment's last byte. As a prober, a poll fetches
	/// one path on a fresh connection (a health check, a new visitor). A poll not done within the
	/// timeout fails and its connection is closed. A poll that ends late starts the next at once.
	///
	/// Runs on one io_context and records into that thread's PollStatistics; not thread-safe. The
	/// Poller must outlive the io_context's run(), which returns when every poll has ended.
{
public:
	using Clock = std::chrono::steady_clock;

	struct Plan
		/// What a set of Pollers does; they share one. A value type.
	{
		std::string path;               /// the playlist (player) or the probed path (prober)
		bool player = true;             /// player: the newest segment after each playlist, kept-alive
		Clock::duration interval;       /// between the starts of two polls
		Clock::duration timeout;        /// a poll's whole time at most
		Clock::time_point end;          /// no poll starts at or after it
	};

	Poller(boost::asio::io_context& context, const Plan& plan, Clock::time_point firstPoll, boost::asio::ip::tcp::endpoint server,
		boost::asio::ip::address source, std::vector<char>& scratch, PollStatistics& statistics);
		/// plan.path must start with '/'. plan, and the scratch buffer and statistics of the
		/// context's thread, must outlive the Poller.

	void start();
		/// Waits for the first poll; returns at once.

private:
	void wait();
	void poll();
	void request(const std::string& path, bool keepBody, void (Poller::*next)());
	void onPlaylist();
	void onAnswer();
	void fail(ClientConnection::Failure failure);
	void fail(const std::string& kind);
	void endPoll();

	const Plan& _plan;
	ClientConnection _connection;
	boost::asio::steady_timer _timer;  /// the next poll's start, then the running poll's timeout
	PollStatistics& _statistics;
	Clock::time_point _due;
	Clock::time_point _began;
	std::uint64_t _poll = 0;           /// the running poll's number: a timeout of an earlier one is ignored
	bool _polling = false;
	bool _timedOut = false;
};

} // namespace restream::bench

#endif // restream_bench_Poller_INCLUDED
