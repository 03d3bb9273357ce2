//
// PollStatistics.h
//

#ifndef restream_bench_PollStatistics_INCLUDED
#define restream_bench_PollStatistics_INCLUDED

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace restream::bench {

class PollStatistics
	/// What a set of players (or a prober) saw: polls answered and their times, failures by kind,
	/// connections opened, answers not 200, bytes received. Not thread-safe: each I/O thread of
	/// serving-players keeps its own, and merge() adds them up once the threads have ended.
{
public:
	void answered(double seconds);
		/// A poll answered completely, in that many seconds.

	void failed(const std::string& kind);
		/// A poll that failed: timeout, refused, connection, protocol, status, playlist or local.

	void connected();
	void received(std::uint64_t bytes);
	void notOk();
		/// An answer whose status was not 200 (also counted as a failure of kind "status").

	void merge(const PollStatistics& other);

	std::uint64_t polls() const;
		/// Answered and failed.
	std::uint64_t failures() const;
	std::uint64_t answeredWithin(double seconds) const;
	const std::map<std::string, std::uint64_t>& failureKinds() const;
	std::uint64_t connections() const;
	std::uint64_t bytes() const;
	std::uint64_t notOkAnswers() const;

	double percentile(double p) const;
		/// The answered polls' time (seconds) below which p % of them fall; -1 if none answered.

	double longest() const;
		/// The longest answered poll (seconds); -1 if none answered.

private:
	std::vector<float> _times;
	std::map<std::string, std::uint64_t> _failureKinds;
	std::uint64_t _failures = 0;
	std::uint64_t _connections = 0;
	std::uint64_t _bytes = 0;
	std::uint64_t _notOk = 0;
};

} // namespace restream::bench

#endif // restream_bench_PollStatistics_INCLUDED
