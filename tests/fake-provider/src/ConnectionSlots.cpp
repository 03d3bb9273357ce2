//
// ConnectionSlots.cpp
//
// Library: fakeprovider
//


#include "ConnectionSlots.h"
#include <algorithm>


namespace fakeprovider {


ConnectionSlots::ConnectionSlots(int limit, Poco::Timespan releaseDelay):
	_limit(limit),
	_releaseDelay(releaseDelay)
{
}


bool ConnectionSlots::tryAcquire()
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (inUseLocked() >= _limit) return false;
	++_taken;
	return true;
}


void ConnectionSlots::release()
{
	std::lock_guard<std::mutex> lock(_mutex);
	--_taken;
	if (_releaseDelay.totalMicroseconds() > 0)
	{
		_releasing.push_back(Clock::now() + std::chrono::microseconds(_releaseDelay.totalMicroseconds()));
		std::sort(_releasing.begin(), _releasing.end());
	}
}


int ConnectionSlots::inUse() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return inUseLocked();
}


void ConnectionSlots::setLimit(int limit)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_limit = limit;
}


int ConnectionSlots::limit() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _limit;
}


void ConnectionSlots::setReleaseDelay(Poco::Timespan delay)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_releaseDelay = delay;
}


Poco::Timespan ConnectionSlots::releaseDelay() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _releaseDelay;
}


int ConnectionSlots::inUseLocked() const
{
	const Clock::time_point now = Clock::now();
	while (!_releasing.empty() && _releasing.front() <= now) _releasing.pop_front();
	return _taken + static_cast<int>(_releasing.size());
}


} // namespace fakeprovider
