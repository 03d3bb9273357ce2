//
// LoginMetrics.h
//

#ifndef authjwt_LoginMetrics_INCLUDED
#define authjwt_LoginMetrics_INCLUDED

#include "restream/MetricsSource.h"
#include <atomic>

namespace authjwt {

class LoginMetrics : public restream::MetricsSource
	/// Counts sign-ins for GET /metrics: succeeded, failed (wrong
	/// credentials) and refused by the throttle (429).
	/// Threads: the counters are atomic; any thread.
{
public:
	void succeeded();
	void failed();
	void throttled();

	std::string metrics() const override;

private:
	std::atomic<unsigned long long> _succeeded{0};
	std::atomic<unsigned long long> _failed{0};
	std::atomic<unsigned long long> _throttled{0};
};

} // namespace authjwt

#endif // authjwt_LoginMetrics_INCLUDED
