//
// PlayersOptions.cpp
//

#include "PlayersOptions.h"
#include "CommandLine.h"
#include <stdexcept>

namespace restream::bench {

PlayersOptions PlayersOptions::parse(int argc, char** argv)
{
	PlayersOptions options;
	for (const auto& [name, value] : CommandLine::arguments(argc, argv))
	{
		if (name == "--port") options.port = CommandLine::number(name, value, 65535);
		else if (name == "--players") options.players = CommandLine::number(name, value);
		else if (name == "--duration") options.duration = CommandLine::seconds(name, value);
		else if (name == "--interval") options.interval = CommandLine::seconds(name, value);
		else if (name == "--deadline") options.deadline = CommandLine::seconds(name, value);
		else if (name == "--timeout") options.timeout = CommandLine::seconds(name, value);
		else if (name == "--playlist") options.playlist = value;
		else if (name == "--per-address") options.perAddress = CommandLine::number(name, value);
		else if (name == "--network") options.network = CommandLine::number(name, value, 255);
		else if (name == "--threads") options.threads = CommandLine::number(name, value, 64);
		else if (name == "--probe") options.probes.push_back(value);
		else if (name == "--probe-every") options.probeEvery = CommandLine::seconds(name, value);
		else if (name == "--probe-timeout") options.probeTimeout = CommandLine::seconds(name, value);
		else throw std::invalid_argument("unknown argument " + name);
	}
	if (options.port == 0) throw std::invalid_argument("--port is required");
	if (options.perAddress == 0 || options.threads == 0) throw std::invalid_argument("--per-address and --threads must be positive");
	if (options.players == 0 && options.probes.empty()) throw std::invalid_argument("--players 0 needs a --probe: nothing would run");
	if (options.network == 0) throw std::invalid_argument("--network: 127.0.x.y is the prober's; use 1 to 255");
	if (options.players / options.perAddress >= 250 * 256) throw std::invalid_argument("--players: too many for the source addresses of one network");
	for (const auto& path : options.probes)
		if (path.empty() || path[0] != '/') throw std::invalid_argument("--probe: a path starting with /: " + path);
	if (options.playlist.empty() || options.playlist[0] != '/') throw std::invalid_argument("--playlist: a path starting with /");
	return options;
}

} // namespace restream::bench
