//
// main.cpp
//
// fake-xtream: runs a FakeProvider from the command line, for benchmarks and manual use.
//
//   fake-xtream [--port N] [--username U] [--password P] [--max-connections N]
//               [--channels N] [--duration S] [--gop-frames N] [--hls 0|1]
//               [--guide-channels N] [--guide-hours N]
//
// Prints "listening on http://127.0.0.1:PORT" as its first line, then serves until SIGINT,
// SIGTERM or the end of the duration (default 600 s).
//


#include "fakeprovider/FakeProvider.h"
#include "Poco/Exception.h"
#include "Poco/NumberParser.h"
#include <csignal>
#include <cstring>
#include <ctime>
#include <iostream>
#include <string>


namespace {


const char* const USAGE =
	"usage: fake-xtream [--port N] [--username U] [--password P] [--max-connections N]\n"
	"                   [--channels N] [--duration S] [--gop-frames N] [--hls 0|1]\n"
	"                   [--guide-channels N] [--guide-hours N]\n"
	"  --port N             port on 127.0.0.1, 0 = ephemeral (default 0)\n"
	"  --username U         account user name (default demo-user)\n"
	"  --password P         account password (default s3cret-Pa55)\n"
	"  --max-connections N  concurrent streams allowed (default 1)\n"
	"  --channels N         synthetic channels added to the catalog (default 0)\n"
	"  --duration S         exit after S seconds (default 600)\n"
	"  --gop-frames N       frames from one keyframe to the next at 25 fps (default 50)\n"
	"  --hls 0|1            serve /live/U/P/ID.m3u8 (default 0)\n"
	"  --guide-channels N   channels of xmltv.php, 0 = the catalog's (default 0)\n"
	"  --guide-hours N      hours of programmes in xmltv.php (default 24)\n"
	"  Everything else (faults, hostile modes) is switched with POST /_control.\n";


int parseNumber(const std::string& option, const std::string& text, int minimum, int maximum)
{
	int value = 0;
	if (!Poco::NumberParser::tryParse(text, value) || value < minimum || value > maximum)
		throw Poco::InvalidArgumentException(option + " expects a number from " + std::to_string(minimum) + " to " + std::to_string(maximum));
	return value;
}


} // namespace


int main(int argc, char** argv)
{
	fakeprovider::ProviderOptions options;
	int duration = 600;
	try
	{
		for (int i = 1; i < argc; ++i)
		{
			const std::string option = argv[i];
			if (option == "--help" || option == "-h")
			{
				std::cout << USAGE;
				return 0;
			}
			if (i + 1 >= argc) throw Poco::InvalidArgumentException(option + " expects a value");
			const std::string value = argv[++i];
			if (option == "--port") options.port = static_cast<Poco::UInt16>(parseNumber(option, value, 0, 65535));
			else if (option == "--username") options.username = value;
			else if (option == "--password") options.password = value;
			else if (option == "--max-connections") options.maxConnections = parseNumber(option, value, 0, 1000000);
			else if (option == "--channels") options.channelCount = parseNumber(option, value, 0, 1000000);
			else if (option == "--duration") duration = parseNumber(option, value, 1, 7 * 86400);
			else if (option == "--gop-frames") options.gopFrames = parseNumber(option, value, 1, 250);
			else if (option == "--hls") options.hls = parseNumber(option, value, 0, 1) == 1;
			else if (option == "--guide-channels") options.guideChannels = parseNumber(option, value, 0, 10000000);
			else if (option == "--guide-hours") options.guideHours = parseNumber(option, value, 1, 8760);
			else throw Poco::InvalidArgumentException("unknown option " + option);
		}
	}
	catch (Poco::Exception& exc)
	{
		std::cerr << "fake-xtream: " << exc.message() << "\n" << USAGE;
		return 2;
	}

	// Block the termination signals in every thread (the server's threads inherit the mask) and
	// wait for them below, with the duration as the timeout.
	sigset_t signals;
	sigemptyset(&signals);
	sigaddset(&signals, SIGINT);
	sigaddset(&signals, SIGTERM);
	sigaddset(&signals, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &signals, nullptr);

	try
	{
		fakeprovider::FakeProvider provider(options);
		provider.start();
		std::cout << "listening on " << provider.baseUrl() << std::endl;

		timespec deadline = {};
		clock_gettime(CLOCK_MONOTONIC, &deadline);
		deadline.tv_sec += duration;
		for (;;)
		{
			timespec now = {};
			clock_gettime(CLOCK_MONOTONIC, &now);
			if (now.tv_sec > deadline.tv_sec || (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec)) break;
			timespec left = {deadline.tv_sec - now.tv_sec, deadline.tv_nsec - now.tv_nsec};
			if (left.tv_nsec < 0)
			{
				--left.tv_sec;
				left.tv_nsec += 1000000000L;
			}
			if (sigtimedwait(&signals, nullptr, &left) >= 0) break;
		}
		provider.stop();
	}
	catch (Poco::Exception& exc)
	{
		std::cerr << "fake-xtream: " << exc.displayText() << std::endl;
		return 1;
	}
	return 0;
}
