//
// LoginThrottle.cpp
//

#include "LoginThrottle.h"
#include <Poco/Clock.h>
#include <Poco/Exception.h>
#include <algorithm>

namespace authjwt {

LoginThrottle::LoginThrottle(const Limits& limits, Clock clock):
	_limits(limits),
	_clock(clock ? std::move(clock) : Clock([] { return Poco::Clock().raw(); }))
{
	if (limits.maxFailures < 1 || limits.freeFailures < 0 || limits.window <= Poco::Timespan(0) ||
		limits.firstDelay < Poco::Timespan(0) || limits.maxDelay < Poco::Timespan(0) || limits.capacity == 0)
		throw Poco::InvalidArgumentException("invalid sign-in limits: loginMaxFailures must be at least 1, "
											 "loginFreeFailures and loginMaxDelay at least 0, loginWindow at least 1 s");
}

LoginThrottle::Attempt LoginThrottle::admit(const std::string& client)
{
	std::lock_guard<std::mutex> lock(_mutex);
	const Poco::Int64 now = _clock();
	forgetExpired(now);

	auto found = _entries.find(client);
	if (found == _entries.end())
	{
		if (_entries.size() >= _limits.capacity)
		{
			_entries.erase(_recent.front());
			_recent.pop_front();
		}
		found = _entries.emplace(client, Entry()).first;
		found->second.position = _recent.insert(_recent.end(), client);
	}
	Entry& entry = found->second;
	while (!entry.failures.empty() && entry.failures.front() + _limits.window.totalMicroseconds() <= now)
		entry.failures.pop_front();

	Attempt attempt;
	if (entry.failures.size() >= static_cast<std::size_t>(_limits.maxFailures))
	{
		attempt.retryAfter = Poco::Timespan(entry.failures.front() + _limits.window.totalMicroseconds() - now);
		return attempt;
	}
	entry.failures.push_back(now);
	_recent.splice(_recent.end(), _recent, entry.position);
	const int failures = static_cast<int>(entry.failures.size());
	attempt.admitted = true;
	attempt.delay = delayFor(failures);
	attempt.locksOut = failures >= _limits.maxFailures;
	if (attempt.locksOut)
		attempt.retryAfter = Poco::Timespan(entry.failures.front() + _limits.window.totalMicroseconds() - now);
	return attempt;
}

void LoginThrottle::succeeded(const std::string& client)
{
	std::lock_guard<std::mutex> lock(_mutex);
	const auto found = _entries.find(client);
	if (found == _entries.end()) return;
	_recent.erase(found->second.position);
	_entries.erase(found);
}

std::size_t LoginThrottle::clients() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _entries.size();
}

void LoginThrottle::forgetExpired(Poco::Int64 now)
{
	while (!_recent.empty())
	{
		const auto found = _entries.find(_recent.front());
		if (found->second.failures.back() + _limits.window.totalMicroseconds() > now) return;
		_entries.erase(found);
		_recent.pop_front();
	}
}

Poco::Timespan LoginThrottle::delayFor(int failures) const
{
	if (failures <= _limits.freeFailures) return Poco::Timespan(0);
	const int doublings = std::min(failures - _limits.freeFailures - 1, 30);
	const Poco::Int64 delay = _limits.firstDelay.totalMicroseconds() << doublings;
	return Poco::Timespan(std::min(delay, _limits.maxDelay.totalMicroseconds()));
}

} // namespace authjwt
