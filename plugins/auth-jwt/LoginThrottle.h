//
// LoginThrottle.h
//
// Slowing down and then refusing clients that keep failing to sign in.
//

#ifndef authjwt_LoginThrottle_INCLUDED
#define authjwt_LoginThrottle_INCLUDED

#include <Poco/Timespan.h>
#include <Poco/Types.h>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace authjwt {

class LoginThrottle
	/// Counts sign-in attempts per client address in a sliding window.
	/// An attempt counts as a failure from the moment it is admitted until
	/// succeeded() is called for its client, so concurrent guesses cannot
	/// slip past the limits. Past freeFailures failures, each further failed
	/// attempt should be answered after a delay that doubles from firstDelay
	/// up to maxDelay; with maxFailures failures in the window, attempts are
	/// refused until the oldest of them leaves the window.
	///
	/// Memory is bounded: clients whose failures all left the window are
	/// forgotten, and beyond capacity clients the least recently seen is
	/// evicted.
	///
	/// Threads: every method may be called from any thread.
{
public:
	struct Limits
	{
		int freeFailures = 3;                       /// failures answered without delay
		int maxFailures = 10;                       /// failures in the window before refusing
		Poco::Timespan window = Poco::Timespan(900, 0);       /// how long a failure counts
		Poco::Timespan firstDelay = Poco::Timespan(0, 250000); /// the first delay, then doubling
		Poco::Timespan maxDelay = Poco::Timespan(2, 0);        /// the longest delay
		std::size_t capacity = 10000;               /// clients remembered at most
	};

	struct Attempt
	{
		bool admitted = false;      /// false: refuse the attempt without checking it
		Poco::Timespan delay;       /// if admitted: wait this long before answering a failure
		bool locksOut = false;      /// if admitted: failing it makes the client refused
		Poco::Timespan retryAfter;  /// if refused, or locksOut: when an attempt will be admitted again
	};

	using Clock = std::function<Poco::Int64()>;
		/// Returns a monotonic time in microseconds.

	explicit LoginThrottle(const Limits& limits, Clock clock = Clock());
		/// Creates the throttle. Without a clock, Poco::Clock (monotonic) is used.
		/// Throws Poco::InvalidArgumentException if maxFailures < 1,
		/// freeFailures < 0, window is not positive, a delay is negative or
		/// capacity is 0.

	Attempt admit(const std::string& client);
		/// Admits or refuses an attempt by client; an admitted one is counted
		/// as a failure.

	void succeeded(const std::string& client);
		/// Forgets every failure of client.

	std::size_t clients() const;
		/// The number of clients remembered.

private:
	struct Entry
	{
		std::deque<Poco::Int64> failures;            /// oldest first, at most maxFailures
		std::list<std::string>::iterator position;  /// in _recent
	};

	void forgetExpired(Poco::Int64 now);
		/// Forgets clients whose newest failure left the window. _recent is
		/// ordered by newest failure, so it stops at the first client kept.

	Poco::Timespan delayFor(int failures) const;
		/// The delay before answering the given failure (1 = the first).

	const Limits _limits;
	const Clock _clock;
	mutable std::mutex _mutex;
	std::unordered_map<std::string, Entry> _entries;
	std::list<std::string> _recent; /// clients, least recently failing first
};

} // namespace authjwt

#endif // authjwt_LoginThrottle_INCLUDED
