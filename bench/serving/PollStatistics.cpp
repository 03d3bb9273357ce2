//
// PollStatistics.cpp
//

#include "PollStatistics.h"
#include <algorithm>

namespace restream::bench {

void PollStatistics::answered(double seconds)
{
	_times.push_back(static_cast<float>(seconds));
}

void PollStatistics::failed(const std::string& kind)
{
	++_failures;
	++_failureKinds[kind];
}

void PollStatistics::connected()
{
	++_connections;
}

void PollStatistics::received(std::uint64_t bytes)
{
	_bytes += bytes;
}

void PollStatistics::notOk()
{
	++_notOk;
}

void PollStatistics::merge(const PollStatistics& other)
{
	_times.insert(_times.end(), other._times.begin(), other._times.end());
	for (const auto& [kind, count] : other._failureKinds) _failureKinds[kind] += count;
	_failures += other._failures;
	_connections += other._connections;
	_bytes += other._bytes;
	_notOk += other._notOk;
}

std::uint64_t PollStatistics::polls() const
{
	return _times.size() + _failures;
}

std::uint64_t PollStatistics::failures() const
{
	return _failures;
}

std::uint64_t PollStatistics::answeredWithin(double seconds) const
{
	return static_cast<std::uint64_t>(std::count_if(_times.begin(), _times.end(), [seconds](float t) { return t <= seconds; }));
}

const std::map<std::string, std::uint64_t>& PollStatistics::failureKinds() const
{
	return _failureKinds;
}

std::uint64_t PollStatistics::connections() const
{
	return _connections;
}

std::uint64_t PollStatistics::bytes() const
{
	return _bytes;
}

std::uint64_t PollStatistics::notOkAnswers() const
{
	return _notOk;
}

double PollStatistics::percentile(double p) const
{
	if (_times.empty()) return -1;
	std::vector<float> ordered(_times);
	const std::size_t index = std::min(ordered.size() - 1, static_cast<std::size_t>(p / 100.0 * static_cast<double>(ordered.size())));
	std::nth_element(ordered.begin(), ordered.begin() + static_cast<std::ptrdiff_t>(index), ordered.end());
	return ordered[index];
}

double PollStatistics::longest() const
{
	return _times.empty() ? -1 : *std::max_element(_times.begin(), _times.end());
}

} // namespace restream::bench
