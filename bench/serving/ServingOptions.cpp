//
// ServingOptions.cpp
//

#include "ServingOptions.h"
#include "CommandLine.h"
#include <stdexcept>

namespace restream::bench {

ServingOptions ServingOptions::parse(int argc, char** argv)
{
	ServingOptions options;
	for (const auto& [name, value] : CommandLine::arguments(argc, argv))
	{
		if (name == "--segment") options.segmentFile = value;
		else if (name == "--playlist") options.playlistFile = value;
		else if (name == "--port") options.port = CommandLine::number(name, value);
		else if (name == "--threads") options.threads = CommandLine::number(name, value);
		else if (name == "--header-timeout") options.headerTimeout = CommandLine::number(name, value);
		else if (name == "--max-per-address") options.maxPerAddress = CommandLine::number(name, value);
		else throw std::invalid_argument("unknown argument " + name);
	}
	if (options.segmentFile.empty() || options.playlistFile.empty()) throw std::invalid_argument("--segment and --playlist are required");
	if (options.port > 65535) throw std::invalid_argument("--port: out of range");
	if (options.threads == 0 || options.headerTimeout == 0) throw std::invalid_argument("--threads and --header-timeout must be positive");
	return options;
}

} // namespace restream::bench
