//
// PocoMain.cpp
//
// serving-poco: today's serving in restream, for the ratio to today (see README.md): Poco's
// thread-per-connection HTTPServer with the api port's settings (host/src/http/PortServer.cpp,
// host/src/http/PortSettings.h, host/src/config/HostSettingList.cpp): a pool of 4 to --threads
// (api: 1024) threads, as many connections queued, keep-alive 5 s (--header-timeout), 1000 requests
// a connection, 10 s a read or write. No cap per address: restream has none today.

#include "PocoRequestHandlerFactory.h"
#include "ServedContent.h"
#include "ServingOptions.h"
#include "StopSignals.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <algorithm>
#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
	try
	{
		const restream::bench::StopSignals stopSignals;
		const auto options = restream::bench::ServingOptions::parse(argc, argv);
		const restream::bench::ServedContent content(options.segmentFile, options.playlistFile);
		const int maxThreads = static_cast<int>(options.threads);
		Poco::ThreadPool pool("http-bench", std::min(4, maxThreads), maxThreads, 60);
		Poco::Net::ServerSocket socket;
		socket.bind(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(options.port)), true);
		socket.listen(maxThreads);
		Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
		params->setMaxThreads(maxThreads);
		params->setMaxQueued(maxThreads);
		params->setThreadIdleTime(Poco::Timespan(1, 0));
		params->setKeepAlive(true);
		params->setKeepAliveTimeout(Poco::Timespan(static_cast<long>(options.headerTimeout), 0));
		params->setMaxKeepAliveRequests(1000);
		params->setTimeout(Poco::Timespan(10, 0));
		params->setServerName("bench-poco");
		Poco::Net::HTTPServer server(new restream::bench::PocoRequestHandlerFactory(content), pool, socket, params);
		server.start();
		std::cout << "listening on 127.0.0.1:" << socket.address().port() << std::endl;
		stopSignals.wait();
		server.stopAll(true);
		pool.joinAll();
		return 0;
	}
	catch (const Poco::Exception& exc)
	{
		std::cerr << "serving-poco: " << exc.displayText() << std::endl;
		return 1;
	}
	catch (const std::exception& exc)
	{
		std::cerr << "serving-poco: " << exc.what() << std::endl;
		return 1;
	}
}
