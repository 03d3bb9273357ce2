//
// ConnectionSlots.h
//
// Library: fakeprovider
//
// The account's stream connection limit.
//


#ifndef FakeProvider_ConnectionSlots_INCLUDED
#define FakeProvider_ConnectionSlots_INCLUDED


#include "Poco/Timespan.h"
#include <chrono>
#include <deque>
#include <mutex>


namespace fakeprovider {


class ConnectionSlots
	/// Counts the account's stream connections like a panel: a slot is taken when a stream starts
	/// and counts as free only the release delay after the server noticed the connection closed.
	/// Thread-safe.
{
public:
	ConnectionSlots(int limit, Poco::Timespan releaseDelay);

	bool tryAcquire();
		/// Takes a slot if fewer than limit() are in use.

	void release();
		/// Gives back a slot taken by tryAcquire(); it is free after the release delay.

	int inUse() const;
		/// Taken slots plus released ones whose delay has not yet run out.

	void setLimit(int limit);
	int limit() const;
	void setReleaseDelay(Poco::Timespan delay);
	Poco::Timespan releaseDelay() const;

private:
	using Clock = std::chrono::steady_clock;

	int inUseLocked() const;

	mutable std::mutex _mutex;
	int _limit;
	Poco::Timespan _releaseDelay;
	int _taken = 0;
	mutable std::deque<Clock::time_point> _releasing; /// when each released slot becomes free
};


} // namespace fakeprovider


#endif // FakeProvider_ConnectionSlots_INCLUDED
