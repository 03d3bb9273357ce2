//
// OutputTsProgramTest.cpp
//
// The tuner's /live.ts as a media centre watches it: an in-process host
// (source-xtream against the fake provider, the built output-ts.so), the
// ffmpeg CLI decoding the program for 35 s while the admin switches it to
// another channel and the provider then drops that channel's connection.
// The stream must go on: no end, frames decoded all along, timestamps
// rising, the splice (nearly) clean; the raw bytes keep their continuity.
//

#include "DecodingViewer.h"
#include "SignedInHost.h"
#include "StreamClient.h"
#include "TextSearch.h"
#include "TsProbe.h"
#include "fakeprovider/FakeProvider.h"
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

using fakeprovider::FakeProvider;
using restream::test::DecodingViewer;
using restream::test::HttpResult;
using restream::test::SignedInHost;
using restream::test::StreamClient;
using restream::test::TsProbe;
using restream::test::contains;

namespace {

using Clock = DecodingViewer::Clock;

constexpr int CHANNEL_A = FakeProvider::CHANNEL_SD;    // 640x360
constexpr int CHANNEL_B = FakeProvider::CHANNEL_SMALL; // 320x180: its frames tell the switch happened
const std::string SIZE_A = "640x360";
const std::string SIZE_B = "320x180";
constexpr int WATCH_SECONDS = 35;
constexpr int SWITCH_AFTER = 8;  // seconds of A before the switch
constexpr int DROP_AFTER = 8;    // seconds of B before the provider drops it
constexpr double LONGEST_GAP = 8; // seconds without a decoded frame: the slate that would fill drops is not built yet
constexpr std::size_t ERROR_ALLOWANCE = 10; // decoder complaints at the splices

bool waitFor(const std::function<bool()>& condition, int seconds)
{
	const auto until = Clock::now() + std::chrono::seconds(seconds);
	while (!condition())
	{
		if (Clock::now() >= until) return false;
		std::this_thread::sleep_for(std::chrono::milliseconds(10));
	}
	return true;
}

double seconds(Clock::duration duration)
{
	return std::chrono::duration<double>(duration).count();
}

void sleepUntil(Clock::time_point when)
{
	std::this_thread::sleep_until(when);
}

} // namespace

class OutputTsProgramTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputTsProgramTest);
	CPPUNIT_TEST(testLiveTsDecodesThroughSwitchAndDrop);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		fakeprovider::ProviderOptions options; // max_connections 1: the switch must hand the connection over
		options.slotReleaseDelay = Poco::Timespan(0, 200000);
		_provider.reset(new FakeProvider(options));
		_provider->start();
		std::map<std::string, std::string> settings = {{"plugins.load", "auth-jwt, source-xtream, output-ts"},
			{"http.ports", "admin, api, player, tuner"}, {"live.idleTimeout", "1"}};
		_host.reset(new SignedInHost(
			SignedInHost::withXtream(settings, _provider->baseUrl(), _provider->options().username, _provider->options().password)));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(_host->log(), std::string(), _host->startError());
		CPPUNIT_ASSERT_MESSAGE(_host->log(),
			waitFor([&] { return contains(_host->log(), "provider account: 1 connection(s) allowed"); }, 10));
	}

	void tearDown() override
	{
		_host.reset();
		_provider.reset();
	}

	void testLiveTsDecodesThroughSwitchAndDrop()
	{
		const HttpResult startedA = _host->startStream(CHANNEL_A);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(startedA.body, 200, startedA.status);
		_host->waitForState("live", 20);

		const std::string url = "http://127.0.0.1:" + std::to_string(_host->port("tuner")) + "/live.ts";
		StreamClient raw(_host->port("tuner"), "/live.ts"); // the bytes themselves, for their continuity
		CPPUNIT_ASSERT_EQUAL(200, raw.status());
		DecodingViewer viewer(url);
		const auto watching = Clock::now();

		// after a while of A, the admin puts B on air
		sleepUntil(watching + std::chrono::seconds(SWITCH_AFTER));
		const auto switched = Clock::now();
		const HttpResult startedB = _host->startStream(CHANNEL_B);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(startedB.body, 200, startedB.status);

		// after a while of B, the provider drops B's connection (once: the fault is cleared as soon as it bit)
		sleepUntil(switched + std::chrono::seconds(DROP_AFTER));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(_host->log(), 1, _provider->stats().channels[CHANNEL_B].open);
		const Poco::UInt64 connectionsB = _provider->stats().channels[CHANNEL_B].total;
		_provider->setDropAfter(CHANNEL_B, Poco::Timespan(0, 500000));
		const auto dropping = Clock::now();
		const bool dropped = waitFor([&] { return _provider->stats().channels[CHANNEL_B].open == 0; }, 5);
		_provider->setDropAfter(CHANNEL_B, 0);
		CPPUNIT_ASSERT_MESSAGE("the provider did not drop B", dropped);
		const auto droppedAt = Clock::now();
		CPPUNIT_ASSERT_MESSAGE(_host->log(), waitFor([&] { return _provider->stats().channels[CHANNEL_B].total > connectionsB; }, 15));
		const auto reconnected = Clock::now();

		sleepUntil(watching + std::chrono::seconds(WATCH_SECONDS));
		const bool exitedEarly = viewer.exitedBeforeStop();
		const auto stopped = Clock::now();
		viewer.stop();
		const bool rawEnded = raw.ended();
		raw.close();

		// what ffmpeg saw
		const auto frames = viewer.frames();
		const auto errors = viewer.errors();
		const auto warnings = viewer.warnings();
		double longestGap = 0;
		double longestGapAt = 0;
		std::size_t backwards = 0;
		std::ostringstream backwardSteps;
		std::size_t framesA = 0, framesB = 0, framesBAfterDrop = 0;
		for (std::size_t i = 0; i < frames.size(); ++i)
		{
			const auto& frame = frames[i];
			if (frame.size == SIZE_A && frame.arrived < switched + std::chrono::seconds(1)) ++framesA;
			if (frame.size == SIZE_B && frame.arrived > switched) ++framesB;
			if (frame.size == SIZE_B && frame.arrived > reconnected) ++framesBAfterDrop;
			if (i == 0) continue;
			const double gap = seconds(frame.arrived - frames[i - 1].arrived);
			if (gap > longestGap)
			{
				longestGap = gap;
				longestGapAt = seconds(frames[i - 1].arrived - watching);
			}
			if (frame.pts <= frames[i - 1].pts)
			{
				if (++backwards <= 10)
					backwardSteps << "  frame " << i << " at " << seconds(frame.arrived - watching) << " s: pts " << frames[i - 1].pts
								  << " -> " << frame.pts << "\n";
			}
		}
		if (!frames.empty() && seconds(stopped - frames.back().arrived) > longestGap)
		{
			longestGap = seconds(stopped - frames.back().arrived);
			longestGapAt = seconds(frames.back().arrived - watching);
		}
		std::ostringstream report;
		report << "\n[figure] /live.ts through a switch (" << CHANNEL_A << " -> " << CHANNEL_B << " at " << seconds(switched - watching)
			   << " s) and a drop of " << CHANNEL_B << " (asked at " << seconds(dropping - watching) << " s, done at "
			   << seconds(droppedAt - watching) << " s, reconnected at " << seconds(reconnected - watching) << " s): ffmpeg decoded "
			   << frames.size() << " video frames in " << seconds(stopped - watching) << " s (" << framesA << " of " << SIZE_A
			   << " before the switch, " << framesB << " of " << SIZE_B << " after it, " << framesBAfterDrop
			   << " after the reconnection); first frame after " << (frames.empty() ? -1 : seconds(frames.front().arrived - watching))
			   << " s; longest gap between frames " << longestGap << " s (after " << longestGapAt << " s); " << backwards
			   << " pts steps not rising; " << errors.size() << " error lines, " << warnings.size() << " warnings; exited early: "
			   << (exitedEarly ? "yes" : "no") << "\n";
		if (!frames.empty())
			report << "  pts " << frames.front().ptsTime << " s -> " << frames.back().ptsTime << " s\n";
		report << backwardSteps.str();
		for (std::size_t i = 0; i < errors.size() && i < 20; ++i) report << "  " << errors[i] << "\n";
		for (std::size_t i = 0; i < warnings.size() && i < 20; ++i) report << "  " << warnings[i] << "\n";
		std::cout << report.str() << std::flush;
		const std::string context = report.str() + "ffmpeg's last lines:\n" + viewer.tail(30);

		CPPUNIT_ASSERT_MESSAGE(context, !exitedEarly);
		CPPUNIT_ASSERT_MESSAGE(context, framesA >= 25 * (SWITCH_AFTER - 4));
		CPPUNIT_ASSERT_MESSAGE(context, framesB >= 25 * 4);
		CPPUNIT_ASSERT_MESSAGE(context, framesBAfterDrop >= 25 * 4);
		CPPUNIT_ASSERT_MESSAGE(context, longestGap <= LONGEST_GAP);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(context, std::size_t(0), backwards);
		CPPUNIT_ASSERT_MESSAGE(context, errors.size() <= ERROR_ALLOWANCE);

		// the bytes: one TS all along, counters continuous (or flagged where a new muxer starts)
		CPPUNIT_ASSERT_MESSAGE(context, !rawEnded);
		const std::string bytes = raw.body();
		const TsProbe probe(bytes.substr(0, bytes.size() - bytes.size() % 188));
		CPPUNIT_ASSERT(probe.aligned);
		CPPUNIT_ASSERT_EQUAL(0, probe.continuityErrors());
		std::size_t discontinuities = 0;
		for (const auto& packet : probe.packets)
			if (packet.discontinuity) ++discontinuities;
		std::cout << "[figure] the raw /live.ts: " << bytes.size() << " bytes, " << probe.packets.size() << " packets, "
				  << discontinuities << " flagged discontinuous, 0 continuity errors" << std::endl;
	}

private:
	std::unique_ptr<FakeProvider> _provider;
	std::unique_ptr<SignedInHost> _host;
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputTsProgramTest);
