//
// MediaClock.cpp
//

#include "MediaClock.h"

namespace outputhls {

void MediaClock::restart()
{
	_anchored = false;
	_fixed = false;
}

void MediaClock::observe(Poco::Int64 presentation, const Poco::Timestamp& arrival)
{
	if (_fixed) return;
	const Poco::Int64 candidate = arrival.epochMicroseconds() - presentation;
	if (!_anchored || candidate < _anchor) _anchor = candidate;
	_anchored = true;
}

Poco::Timestamp MediaClock::at(Poco::Int64 presentation) const
{
	return Poco::Timestamp(_anchor + presentation);
}

void MediaClock::fix()
{
	_fixed = true;
}

} // namespace outputhls
