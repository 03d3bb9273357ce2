//
// MhdMain.cpp
//
// serving-mhd: the libmicrohttpd candidate of bench/serving (see README.md).

#include "MhdServer.h"
#include "StopSignals.h"
#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
	try
	{
		const restream::bench::StopSignals stopSignals;
		const auto options = restream::bench::ServingOptions::parse(argc, argv);
		const restream::bench::ServedContent content(options.segmentFile, options.playlistFile);
		const restream::bench::MhdServer server(options, content);
		std::cout << "listening on 127.0.0.1:" << server.port() << std::endl;
		stopSignals.wait();
		return 0;
	}
	catch (const std::exception& exc)
	{
		std::cerr << "serving-mhd: " << exc.what() << std::endl;
		return 1;
	}
}
