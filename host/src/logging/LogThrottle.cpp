//
// LogThrottle.cpp
//

#include "logging/LogThrottle.h"

namespace restream::host {

LogThrottle::LogThrottle(const Poco::Timespan& interval):
	_interval(interval)
{
}

bool LogThrottle::admit(std::size_t& heldBack)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (_written && !_lastWritten.isElapsed(_interval.totalMicroseconds()))
	{
		++_heldBack;
		return false;
	}
	heldBack = _heldBack;
	_heldBack = 0;
	_written = true;
	_lastWritten.update();
	return true;
}

} // namespace restream::host
