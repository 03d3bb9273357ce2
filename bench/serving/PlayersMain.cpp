//
// PlayersMain.cpp
//
// serving-players: the C++ players client of bench/serving (see PlayersClient and README.md).

#include "PlayersClient.h"
#include <exception>
#include <iostream>
#include <sys/resource.h>

int main(int argc, char** argv)
{
	try
	{
		const auto options = restream::bench::PlayersOptions::parse(argc, argv);
		// a descriptor a player and one a prober, and some for the process itself
		rlimit files{};
		getrlimit(RLIMIT_NOFILE, &files);
		const rlim_t needed = options.players + options.probes.size() + 64;
		if (files.rlim_cur < needed)
		{
			files.rlim_cur = files.rlim_max == RLIM_INFINITY || files.rlim_max >= needed ? needed : files.rlim_max;
			setrlimit(RLIMIT_NOFILE, &files);
		}
		if (files.rlim_cur < needed)
			std::cerr << "serving-players: open files limited to " << files.rlim_cur << ", " << needed << " needed: some players fail ('local')"
					  << std::endl;
		std::cout << restream::bench::PlayersClient(options).run() << std::endl;
		return 0;
	}
	catch (const std::exception& exc)
	{
		std::cerr << "serving-players: " << exc.what() << std::endl;
		return 1;
	}
}
