//
// CommandLine.cpp
//

#include "CommandLine.h"
#include <stdexcept>

namespace restream::bench {

unsigned CommandLine::number(const std::string& name, const std::string& value, unsigned long maximum)
{
	std::size_t end = 0;
	unsigned long parsed = 0;
	try
	{
		parsed = std::stoul(value, &end);
	}
	catch (const std::exception&)
	{
		end = 0;
	}
	if (end == 0 || end != value.size() || parsed > maximum) throw std::invalid_argument(name + ": not a number up to " + std::to_string(maximum) + ": " + value);
	return static_cast<unsigned>(parsed);
}

double CommandLine::seconds(const std::string& name, const std::string& value)
{
	std::size_t end = 0;
	double parsed = 0;
	try
	{
		parsed = std::stod(value, &end);
	}
	catch (const std::exception&)
	{
		end = 0;
	}
	if (end == 0 || end != value.size() || !(parsed > 0 && parsed <= 86400)) throw std::invalid_argument(name + ": not a duration in seconds: " + value);
	return parsed;
}

} // namespace restream::bench
