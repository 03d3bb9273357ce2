//
// StopSignals.h
//

#ifndef restream_bench_StopSignals_INCLUDED
#define restream_bench_StopSignals_INCLUDED

#include <csignal>

namespace restream::bench {

class StopSignals
	/// SIGINT and SIGTERM, held for wait(). Construct it in main() before any thread starts: the
	/// threads started later inherit the blocked mask, so the signals reach only wait().
{
public:
	StopSignals();

	void wait() const;
		/// Returns when SIGINT or SIGTERM arrives.

private:
	sigset_t _signals;
};

} // namespace restream::bench

#endif // restream_bench_StopSignals_INCLUDED
