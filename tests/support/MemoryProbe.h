//
// MemoryProbe.h
//
// The process's resident memory, sampled while something runs.
//

#ifndef restream_test_MemoryProbe_INCLUDED
#define restream_test_MemoryProbe_INCLUDED

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

namespace restream {
namespace test {

class MemoryProbe
	/// Samples VmRSS (/proc/self/status) every 10 ms from construction to
	/// finish(), keeping the peak. One owner thread.
{
public:
	MemoryProbe():
		_before(residentKb()),
		_peak(_before),
		_sampler([this] {
			while (!_done)
			{
				const long now = residentKb();
				if (now > _peak) _peak = now;
				std::this_thread::sleep_for(std::chrono::milliseconds(10));
			}
		})
	{
	}

	~MemoryProbe()
	{
		finish();
	}

	void finish()
	{
		_done = true;
		if (_sampler.joinable()) _sampler.join();
		_after = residentKb();
	}

	long beforeKb() const
	{
		return _before;
	}

	long peakKb() const
	{
		return _peak;
	}

	long afterKb() const
	{
		return _after;
	}

	bool grewLessThan(long limitKb) const
		/// Whether the peak stayed within limitKb of the start. Always true
		/// under AddressSanitizer, whose quarantine keeps freed memory (256 MB
		/// by default) resident: the figure is printed, not judged, there.
	{
#if defined(__SANITIZE_ADDRESS__)
		std::cout << "  (memory growth +" << (_peak - _before) << " kB, limit " << limitKb << " kB, not checked under AddressSanitizer)"
				  << std::endl;
		return true;
#else
		return _peak - _before < limitKb;
#endif
	}

	static long residentKb()
	{
		std::ifstream status("/proc/self/status");
		std::string line;
		while (std::getline(status, line))
			if (line.compare(0, 6, "VmRSS:") == 0) return std::stol(line.substr(6));
		return 0;
	}

private:
	const long _before;
	std::atomic<long> _peak;
	long _after = 0;
	std::atomic<bool> _done{false};
	std::thread _sampler;
};

} // namespace test
} // namespace restream

#endif // restream_test_MemoryProbe_INCLUDED
