//
// LogThrottle.h
//

#ifndef restream_host_LogThrottle_INCLUDED
#define restream_host_LogThrottle_INCLUDED

#include <Poco/Mutex.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <cstddef>

namespace restream::host {

class LogThrottle
	/// Lets one kind of log line through at most once per interval and
	/// counts the lines it held back meanwhile, so that a client cannot make
	/// the host write a line for every connection it opens (2 000 slowloris
	/// connections a port wrote 7 000 lines in a few seconds).
	///
	/// Threads: admit() from any thread.
{
public:
	explicit LogThrottle(const Poco::Timespan& interval);

	bool admit(std::size_t& heldBack);
		/// True when the line may be written now; heldBack is then how many
		/// were held back since the last one written. False: the line is
		/// counted and must not be written.

private:
	const Poco::Timespan _interval;
	Poco::FastMutex _mutex;
	Poco::Timestamp _lastWritten;
	bool _written = false;
	std::size_t _heldBack = 0;
};

} // namespace restream::host

#endif // restream_host_LogThrottle_INCLUDED
