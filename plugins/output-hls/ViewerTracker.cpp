//
// ViewerTracker.cpp
//

#include "ViewerTracker.h"

namespace outputhls {

namespace {

const std::size_t LONGEST_USER_AGENT = 256;
const Poco::Timespan PRUNE_INTERVAL(1, 0);

} // namespace

ViewerTracker::ViewerTracker(Poco::Timespan window, std::size_t capacity):
	_window(window),
	_capacity(capacity)
{
}

void ViewerTracker::seen(const std::string& address, const std::string& userAgent, const Poco::Timestamp& now)
{
	// '\n' cannot occur in a header value or an address, so the key is unambiguous
	const std::string key = address + '\n' + userAgent.substr(0, LONGEST_USER_AGENT);
	std::lock_guard<std::mutex> lock(_mutex);
	if (now - _lastPrune >= PRUNE_INTERVAL.totalMicroseconds()) prune(now);
	const auto found = _lastSeen.find(key);
	if (found != _lastSeen.end())
		found->second = now;
	else if (_lastSeen.size() < _capacity)
		_lastSeen.emplace(key, now);
}

int ViewerTracker::count(const Poco::Timestamp& now) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	int viewers = 0;
	for (const auto& entry : _lastSeen)
	{
		if (now - entry.second < _window.totalMicroseconds()) ++viewers;
	}
	return viewers;
}

void ViewerTracker::clear()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_lastSeen.clear();
}

void ViewerTracker::prune(const Poco::Timestamp& now)
{
	_lastPrune = now;
	for (auto it = _lastSeen.begin(); it != _lastSeen.end();)
	{
		if (now - it->second >= _window.totalMicroseconds())
			it = _lastSeen.erase(it);
		else
			++it;
	}
}

} // namespace outputhls
