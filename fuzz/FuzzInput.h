//
// FuzzInput.h
//
// What every fuzz target shares: reading its input, checking a contract.
//

#ifndef restreamfuzz_FuzzInput_INCLUDED
#define restreamfuzz_FuzzInput_INCLUDED

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace restreamfuzz {

[[noreturn]] inline void fail(const char* condition, const char* file, int line)
	/// Reports a broken contract and aborts, which libFuzzer reports as a crash
	/// and saves the input of.
{
	std::fprintf(stderr, "%s:%d: contract broken: %s\n", file, line, condition);
	std::abort();
}

inline std::string text(const std::uint8_t* data, std::size_t size)
	/// The input as bytes, as the network would deliver them.
{
	return std::string(reinterpret_cast<const char*>(data), size);
}

inline std::vector<std::string> lines(const std::string& input)
	/// input split on '\n' (without it); a last line without '\n' counts.
	/// The targets whose input has several parts (a header name and value,
	/// a size and a Range header) take one per line, so that the seeds
	/// read as what they stand for.
{
	std::vector<std::string> result;
	std::size_t start = 0;
	for (;;)
	{
		const std::size_t end = input.find('\n', start);
		result.push_back(input.substr(start, end == std::string::npos ? std::string::npos : end - start));
		if (end == std::string::npos) return result;
		start = end + 1;
	}
}

} // namespace restreamfuzz

#define FUZZ_CHECK(condition) ((condition) ? static_cast<void>(0) : restreamfuzz::fail(#condition, __FILE__, __LINE__))
	/// Checks a contract of the code under test, in every build type.

#endif // restreamfuzz_FuzzInput_INCLUDED
