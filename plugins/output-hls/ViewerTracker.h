//
// ViewerTracker.h
//
// Counts distinct viewers over a sliding window.
//

#ifndef outputhls_ViewerTracker_INCLUDED
#define outputhls_ViewerTracker_INCLUDED

#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace outputhls {

class ViewerTracker
	/// A viewer is a distinct (client address, User-Agent) pair seen within
	/// the last window. Memory is bounded: entries older than the window are
	/// pruned, and at most capacity pairs are tracked (beyond that, new pairs
	/// are not counted until old ones expire).
	///
	/// Threads: every method from any thread (one short lock).
{
public:
	explicit ViewerTracker(Poco::Timespan window, std::size_t capacity = 10000);

	void seen(const std::string& address, const std::string& userAgent, const Poco::Timestamp& now = Poco::Timestamp());
		/// Records a request of the pair at now. The User-Agent is cut to
		/// its first 256 characters.

	int count(const Poco::Timestamp& now = Poco::Timestamp()) const;
		/// The pairs seen within the window before now.

	void clear();
		/// Forgets every pair.

private:
	void prune(const Poco::Timestamp& now);
		/// Drops the pairs last seen before the window. Called with the lock held.

	const Poco::Timespan _window;
	const std::size_t _capacity;
	mutable std::mutex _mutex;
	std::map<std::string, Poco::Timestamp> _lastSeen;
	Poco::Timestamp _lastPrune;
};

} // namespace outputhls

#endif // outputhls_ViewerTracker_INCLUDED
