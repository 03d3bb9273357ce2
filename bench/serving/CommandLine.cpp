//
// CommandLine.cpp
//

#include "CommandLine.h"
#include <stdexcept>

namespace restream::bench {

std::vector<std::pair<std::string, std::string>> CommandLine::arguments(int argc, char** argv)
{
	std::vector<std::pair<std::string, std::string>> pairs;
	for (int i = 1; i < argc; i += 2)
	{
		if (i + 1 >= argc) throw std::invalid_argument(std::string(argv[i]) + ": value missing");
		pairs.emplace_back(argv[i], argv[i + 1]);
	}
	return pairs;
}

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
