//
// CommandLine.h
//

#ifndef restream_bench_CommandLine_INCLUDED
#define restream_bench_CommandLine_INCLUDED

#include <string>
#include <utility>
#include <vector>

namespace restream::bench {

struct CommandLine
	/// How the programs of bench/serving read the values of their --name value arguments. Each
	/// function throws std::invalid_argument with a message naming the argument when the value is
	/// not a number in range.
{
	static std::vector<std::pair<std::string, std::string>> arguments(int argc, char** argv);
		/// The --name value pairs after the program's name, in order; throws if the last has no value.

	static unsigned number(const std::string& name, const std::string& value, unsigned long maximum = 1000000);
		/// A whole number from 0 to maximum.

	static double seconds(const std::string& name, const std::string& value);
		/// A duration in seconds, positive and at most a day; fractions allowed.
};

} // namespace restream::bench

#endif // restream_bench_CommandLine_INCLUDED
