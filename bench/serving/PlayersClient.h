//
// PlayersClient.h
//

#ifndef restream_bench_PlayersClient_INCLUDED
#define restream_bench_PlayersClient_INCLUDED

#include "PlayersOptions.h"
#include <string>

namespace restream::bench {

class PlayersClient
	/// serving-players: options.players simulated HLS players against a server on 127.0.0.1, as
	/// bench/serving's clients.py players does, in C++ on Boost.Asio so that one process holds 10 000
	/// of them. Each player has its own keep-alive connection from a source address 127.network.x.y
	/// (perAddress players an address) and polls the playlist every interval, fetching the newest
	/// segment it names after each poll; the first polls are spread over the first interval, one
	/// second after the start, and no poll starts after duration. The players are shared among
	/// options.threads I/O threads (an io_context each); each probe path has a prober on a thread of
	/// its own, so a busy player thread does not delay it.
{
public:
	explicit PlayersClient(const PlayersOptions& options);

	std::string run() const;
		/// Runs the players until their last poll has ended (at most duration + 1 s + timeout) and
		/// returns one JSON object: polls, those answered within the deadline, failures by kind, poll
		/// time percentiles, connections opened, bytes received, the probes' figures, and the client's
		/// own CPU seconds (user + system) and wall seconds, so that a saturated client is visible.
		/// Throws std::runtime_error if the threads cannot start.

private:
	const PlayersOptions _options;
};

} // namespace restream::bench

#endif // restream_bench_PlayersClient_INCLUDED
