//
// PlayersOptions.h
//

#ifndef restream_bench_PlayersOptions_INCLUDED
#define restream_bench_PlayersOptions_INCLUDED

#include <string>
#include <vector>

namespace restream::bench {

struct PlayersOptions
	/// The command line of serving-players (see PlayersClient):
	///   --port P [--players N] [--duration S] [--interval S] [--deadline S] [--timeout S]
	///   [--playlist PATH] [--per-address N] [--network N] [--threads N]
	///   [--probe PATH]... [--probe-every S] [--probe-timeout S]
	/// A value type. parse() throws std::invalid_argument with a message naming the bad argument.
{
	unsigned port = 0;                  /// the server's port on 127.0.0.1
	unsigned players = 2000;            /// players, each on its own keep-alive connection; 0: the probes alone
	double duration = 30;               /// seconds of polling after the first second
	double interval = 2;                /// seconds between a player's polls: the playlist's target duration
	double deadline = 2;                /// a poll answered within this is on time
	double timeout = 10;                /// a poll not answered within this fails ("timeout") and its connection is closed
	std::string playlist = "/live.m3u8"; /// the playlist polled; the newest segment it names is fetched after each poll
	unsigned perAddress = 50;           /// players a source address (127.network.x.y), so caps per address do not refuse them
	unsigned network = 1;               /// the second byte of the players' source addresses
	unsigned threads = 1;               /// the client's I/O threads, the players shared among them
	std::vector<std::string> probes;    /// paths a prober fetches on a fresh connection from 127.0.0.1 while the players run
	double probeEvery = 0.5;            /// seconds between one prober's requests
	double probeTimeout = 5;            /// a probe not answered within this fails

	static PlayersOptions parse(int argc, char** argv);
};

} // namespace restream::bench

#endif // restream_bench_PlayersOptions_INCLUDED
