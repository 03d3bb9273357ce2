//
// ServingOptions.h
//

#ifndef restream_bench_ServingOptions_INCLUDED
#define restream_bench_ServingOptions_INCLUDED

#include <string>

namespace restream::bench {

struct ServingOptions
	/// The command line every server of bench/serving takes, so that run.sh starts them all alike:
	///   --segment FILE --playlist FILE [--port 0] [--threads N] [--header-timeout S] [--max-per-address N]
	/// A value type. parse() throws std::invalid_argument with a message naming the bad argument.
{
	std::string segmentFile;       /// the MPEG-TS segment served at /segment.ts
	std::string playlistFile;      /// the playlist served at /live.m3u8
	unsigned port = 0;             /// 0: an ephemeral port; the server prints the bound one
	unsigned threads = 2;          /// I/O threads (the candidates) or worker threads at most (Poco)
	unsigned headerTimeout = 5;    /// seconds a connection may take to send a whole request head, or stay idle between requests
	unsigned maxPerAddress = 1024; /// connections at once from one client address; more are closed (0: no cap)

	static ServingOptions parse(int argc, char** argv);
};

} // namespace restream::bench

#endif // restream_bench_ServingOptions_INCLUDED
