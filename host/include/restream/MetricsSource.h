//
// MetricsSource.h
//
// The role of a service that adds lines to GET /metrics.
//

#ifndef restream_MetricsSource_INCLUDED
#define restream_MetricsSource_INCLUDED

#include "restream/Service.h"
#include <string>

namespace restream {

class RESTREAM_API MetricsSource : public Service
	/// Contributes to the Prometheus text served at GET /metrics: the host
	/// appends what metrics() returns to its own metrics.
	/// Threads: called concurrently. Errors: must not throw.
{
public:
	virtual std::string metrics() const = 0;
		/// Complete exposition lines ("# HELP", "# TYPE", samples), each ending
		/// in '\n'; metric names start with "restream_".
};

} // namespace restream

#endif // restream_MetricsSource_INCLUDED
