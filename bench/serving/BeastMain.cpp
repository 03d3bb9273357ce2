//
// BeastMain.cpp
//
// serving-beast: the Boost.Beast candidate of bench/serving (see README.md).

#include "BeastServer.h"
#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
	try
	{
		const auto options = restream::bench::ServingOptions::parse(argc, argv);
		const restream::bench::ServedContent content(options.segmentFile, options.playlistFile);
		restream::bench::BeastServer server(options, content);
		std::cout << "listening on 127.0.0.1:" << server.port() << std::endl;
		server.run();
		return 0;
	}
	catch (const std::exception& exc)
	{
		std::cerr << "serving-beast: " << exc.what() << std::endl;
		return 1;
	}
}
