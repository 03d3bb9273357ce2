//
// LiveCoreTest.cpp
//
// The live core (ChannelPipeline, ChannelEngine, Program) driven by a
// scripted source: the timeline, recovery, holders and admission, the
// program's continuity. Milliseconds per case, no network.
//

#include "LogCapture.h"
#include "RecordingOutput.h"
#include "ScriptedSource.h"
#include "TextSearch.h"
#include "catalog/CachedCatalog.h"
#include "live/ChannelEngine.h"
#include "live/LiveState.h"
#include "live/SlateLoop.h"
#include "logging/Redactor.h"
#include "restream/ChannelErrors.h"
#include "restream/ChannelException.h"
#include <algorithm>
#include <Poco/File.h>
#include <Poco/AutoPtr.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <cppunit/extensions/HelperMacros.h>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <functional>
#include <set>
#include <stdexcept>

using restream::ChannelErrors;
using restream::ChannelEvent;
using restream::ChannelException;
using restream::ChannelStatus;
using restream::host::CachedCatalog;
using restream::host::ChannelEngine;
using restream::host::LiveSettings;
using restream::host::LiveState;
using restream::host::Redactor;
using restream::host::SlateLoop;
using restream::test::RecordedPacket;
using restream::test::RecordingOutput;
using restream::test::RecordingSink;
using restream::test::ScriptedPacket;
using restream::test::ScriptedSource;

namespace {

bool eventually(const std::function<bool()>& condition, int milliseconds = 3000)
{
	for (int waited = 0; waited < milliseconds; waited += 5)
	{
		if (condition()) return true;
		Poco::Thread::sleep(5);
	}
	return condition();
}

class Bench
	/// A catalog of the scripted source, a recording output and an engine
	/// with short delays, ready to drive.
{
public:
	explicit Bench(int channels = 3, LiveSettings settings = fastSettings(), const std::string& statePath = ""):
		source(std::make_shared<ScriptedSource>(channels)),
		output(std::make_shared<RecordingOutput>()),
		_logger(Poco::Logger::get("live-test")),
		_state(statePath),
		_catalog(Poco::Timespan(3600, 0), _redactor, _logger),
		_settings(settings)
	{
		_catalog.selectSource({{"scripted", "test-source", source}}, "");
		engine.reset(new ChannelEngine(_catalog, _settings, _state, _redactor, _logger));
		engine->start({{"recorder", output}});
	}

	~Bench()
	{
		engine->stopAll();
		engine.reset();
	}

	static LiveSettings fastSettings()
	{
		LiveSettings settings;
		settings.maxChannels = 2;
		settings.idleTimeout = Poco::Timespan(0, 300000);
		settings.recovery.reopenJitter = Poco::Timespan(0, 20000);
		settings.recovery.retryDelay = Poco::Timespan(0, 40000);
		settings.recovery.maxRetryDelay = Poco::Timespan(0, 160000);
		settings.recovery.maxRefusedDelay = Poco::Timespan(0, 160000);
		settings.recovery.maxFailures = 3;
		settings.recovery.slate = false; // the slate's own tests turn it on
		return settings;
	}

	static LiveSettings slateSettings()
		/// fastSettings() with the slate on, after 150 ms without media.
	{
		LiveSettings settings = fastSettings();
		settings.recovery.slate = true;
		settings.recovery.slateAfter = Poco::Timespan(0, 150000);
		return settings;
	}

	bool running(Poco::Int64 streamId) const
	{
		ChannelStatus status;
		return engine->status(streamId, status);
	}

	ChannelStatus::State state(Poco::Int64 streamId) const
	{
		ChannelStatus status;
		return engine->status(streamId, status) ? status.state : ChannelStatus::State::Stopped;
	}

	std::shared_ptr<RecordingSink> sinkOf(Poco::Int64 streamId)
	{
		std::shared_ptr<RecordingSink> sink;
		eventually([&] { return (sink = output->latest(streamId)) != nullptr; });
		return sink;
	}

	std::shared_ptr<ScriptedSource> source;
	std::shared_ptr<RecordingOutput> output;
	std::unique_ptr<ChannelEngine> engine;

private:
	Poco::Logger& _logger;
	Redactor _redactor;
	LiveState _state;
	CachedCatalog _catalog;
	LiveSettings _settings;
};

std::vector<RecordedPacket> ofTrack(const std::vector<RecordedPacket>& packets, int track)
{
	std::vector<RecordedPacket> selected;
	for (const auto& packet : packets)
	{
		if (packet.track == track) selected.push_back(packet);
	}
	return selected;
}

int threadCount()
	/// This process's threads now (Linux).
{
	std::ifstream status("/proc/self/status");
	std::string line;
	while (std::getline(status, line))
	{
		if (line.compare(0, 8, "Threads:") == 0) return std::stoi(line.substr(8));
	}
	return -1;
}

void assertRising(const std::vector<RecordedPacket>& packets)
{
	for (int track = 0; track < 2; ++track)
	{
		const auto selected = ofTrack(packets, track);
		for (std::size_t i = 1; i < selected.size(); ++i)
			CPPUNIT_ASSERT_MESSAGE("dts must rise per track, at packet " + std::to_string(i), selected[i].dts > selected[i - 1].dts);
	}
}

} // namespace

class LiveCoreTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LiveCoreTest);
	CPPUNIT_TEST(testJoinsAtAKeyframe);
	CPPUNIT_TEST(testTimelineStartsAtTenSeconds);
	CPPUNIT_TEST(testReconnectContinuesTheTimeline);
	CPPUNIT_TEST(testClockJumpContinuesTheTimeline);
	CPPUNIT_TEST(testPtsWrapContinuesTheTimeline);
	CPPUNIT_TEST(testDtsClampedAndDurationsFilled);
	CPPUNIT_TEST(testBackoffGrowsOverFailedOpens);
	CPPUNIT_TEST(testDropIsReopenedAtOnce);
	CPPUNIT_TEST(testErrorStateKeepsRetrying);
	CPPUNIT_TEST(testStopWhileStalledIsPrompt);
	CPPUNIT_TEST(testStopWhileOpeningIsPrompt);
	CPPUNIT_TEST(testSlateBridgesAnOutage);
	CPPUNIT_TEST(testSlateFillsAStallInRealTime);
	CPPUNIT_TEST(testSlatePlaysAWholeLoop);
	CPPUNIT_TEST(testLeaseStartsAndIdleStops);
	CPPUNIT_TEST(testPinIsNeverIdle);
	CPPUNIT_TEST(testAdmissionRefusesWithCodes);
	CPPUNIT_TEST(testIdleChannelGivesItsConnectionUp);
	CPPUNIT_TEST(testRunningChannelAdmitsMoreHolders);
	CPPUNIT_TEST(testProgramOutranksLeases);
	CPPUNIT_TEST(testProgramContinuesThroughASwitch);
	CPPUNIT_TEST(testProgramEndEndsItsSinks);
	CPPUNIT_TEST(testEventsComeOutsideTheLock);
	CPPUNIT_TEST(testFailingSubscriberIsNamed);
	CPPUNIT_TEST(testStateIsRestored);
	CPPUNIT_TEST(testAdminChoiceDuringRestoreWins);
	CPPUNIT_TEST_SUITE_END();

public:
	void testJoinsAtAKeyframe()
	{
		Bench bench;
		std::vector<ScriptedPacket> packets = {{1, 0, 0, true}, {0, 100, 100, false}, {0, 3700, 3700, false}};
		for (const auto& packet : ScriptedSource::steady(7300, 60)) packets.push_back(packet);
		bench.source->script(1, {{packets, ScriptedSource::Ending::Block, false}});
		auto lease = bench.engine->acquire(1, "test");
		auto sink = bench.sinkOf(1);
		CPPUNIT_ASSERT(sink->waitForPackets(20, 3000));
		const auto recorded = sink->packets();
		const auto video = ofTrack(recorded, 0);
		CPPUNIT_ASSERT(video.front().keyframe);
		for (const auto& packet : ofTrack(recorded, 1)) CPPUNIT_ASSERT(packet.pts >= video.front().pts);
	}

	void testTimelineStartsAtTenSeconds()
	{
		Bench bench;
		bench.source->script(1, {{ScriptedSource::steady(123456789, 30), ScriptedSource::Ending::Block, false}});
		auto lease = bench.engine->acquire(1, "test");
		auto sink = bench.sinkOf(1);
		CPPUNIT_ASSERT(sink->waitForPackets(10, 3000));
		CPPUNIT_ASSERT_EQUAL(900000LL, ofTrack(sink->packets(), 0).front().dts);
	}

	void testReconnectContinuesTheTimeline()
	{
		Bench bench;
		bench.source->script(1, {{ScriptedSource::steady(0, 50), ScriptedSource::Ending::EndOfStream, false},
			{ScriptedSource::steady(8000000000LL, 50), ScriptedSource::Ending::Block, false}});
		auto lease = bench.engine->acquire(1, "test");
		auto sink = bench.sinkOf(1);
		CPPUNIT_ASSERT(sink->waitForBegins(2, 3000));
		CPPUNIT_ASSERT(sink->waitForPackets(190, 3000));
		const auto recorded = sink->packets();
		assertRising(recorded);
		const auto video = ofTrack(recorded, 0);
		long long lastEnd = 0;
		for (const auto& packet : recorded)
		{
			if (packet.run == 1) lastEnd = std::max(lastEnd, packet.dts + packet.duration);
		}
		for (const auto& packet : video)
		{
			if (packet.run != 2) continue;
			CPPUNIT_ASSERT(packet.keyframe);
			CPPUNIT_ASSERT_EQUAL(lastEnd + 3600, packet.dts); // 40 ms after the first session's end
			break;
		}
		CPPUNIT_ASSERT_EQUAL(1, bench.engine->list().front().reconnects);
	}

	void testClockJumpContinuesTheTimeline()
	{
		Bench bench;
		auto packets = ScriptedSource::steady(0, 30);
		for (const auto& packet : ScriptedSource::steady(90000LL * 3600, 30)) packets.push_back(packet); // an hour ahead
		bench.source->script(1, {{packets, ScriptedSource::Ending::Block, false}});
		auto lease = bench.engine->acquire(1, "test");
		auto sink = bench.sinkOf(1);
		CPPUNIT_ASSERT(sink->waitForPackets(110, 3000));
		const auto video = ofTrack(sink->packets(), 0);
		assertRising(sink->packets());
		for (std::size_t i = 1; i < video.size(); ++i) CPPUNIT_ASSERT(video[i].dts - video[i - 1].dts <= 2 * 3600 + 3600);
		CPPUNIT_ASSERT_EQUAL(1, sink->begins()); // no new run: the same upstream
	}

	void testPtsWrapContinuesTheTimeline()
	{
		// 2.4 s before MPEG-TS's 33-bit wrap to 2.4 s after it, in one session: the output neither
		// jumps back 26.5 hours nor stalls, and audio stays where it was against the pictures
		Bench bench;
		ScriptedSource::Session session;
		session.packets = ScriptedSource::steady(ScriptedSource::ptsWrap - 60 * 3600LL, 120);
		session.wrap33 = true;
		bench.source->script(1, {session});
		auto lease = bench.engine->acquire(1, "test");
		auto sink = bench.sinkOf(1);
		CPPUNIT_ASSERT(sink->waitForPackets(2 * 120 - 2, 3000)); // the last of each track is held for its duration
		const auto recorded = sink->packets();
		assertRising(recorded);
		CPPUNIT_ASSERT_EQUAL(1, sink->begins()); // the same upstream: no new run
		const auto video = ofTrack(recorded, 0);
		CPPUNIT_ASSERT_EQUAL(std::size_t(119), video.size());
		for (std::size_t i = 1; i < video.size(); ++i)
		{
			const long long step = video[i].dts - video[i - 1].dts;
			CPPUNIT_ASSERT_MESSAGE("frame " + std::to_string(i) + " follows 40 ms to two frames later, not " + std::to_string(step),
				step >= 3600 && step <= 2 * 3600);
		}
		std::set<long long> pictures;
		for (const auto& packet : video) pictures.insert(packet.dts);
		for (const auto& packet : ofTrack(recorded, 1))
			CPPUNIT_ASSERT_MESSAGE("audio keeps its place after its picture", pictures.count(packet.dts - 1000) == 1);
	}

	void testDtsClampedAndDurationsFilled()
	{
		Bench bench;
		std::vector<ScriptedPacket> packets = {{0, 0, 0, true}, {0, 3600, 3600, false}, {0, 3600, 3600, false}, {0, 3000, 3000, false},
			{0, 10800, 10800, false}, {0, 14400, 14400, false}, {0, 18000, 18000, true}, {0, 21600, 21600, false}};
		bench.source->script(1, {{packets, ScriptedSource::Ending::Block, false}});
		auto lease = bench.engine->acquire(1, "test");
		auto sink = bench.sinkOf(1);
		CPPUNIT_ASSERT(sink->waitForPackets(7, 3000));
		const auto video = ofTrack(sink->packets(), 0);
		assertRising(video);
		CPPUNIT_ASSERT_EQUAL(900000LL + 3601, video[2].dts);
		CPPUNIT_ASSERT_EQUAL(3600LL, video[0].duration);
		for (const auto& packet : video) CPPUNIT_ASSERT(packet.duration > 0 && packet.pts >= packet.dts);
	}

	void testBackoffGrowsOverFailedOpens()
	{
		Bench bench;
		std::vector<ScriptedSource::Session> sessions(4);
		for (auto& session : sessions) session.failOpen = true;
		bench.source->script(1, sessions);
		auto lease = bench.engine->acquire(1, "test");
		CPPUNIT_ASSERT(eventually([&] { return bench.source->opens(1) >= 5; }));
		const auto times = bench.source->openTimes(1);
		// 40 ms doubling up to 160 ms, each with up to half of it as jitter: 20-40, 40-80, 80-160, 80-160 ms
		const long long gaps[] = {times[1] - times[0], times[2] - times[1], times[3] - times[2], times[4] - times[3]};
		CPPUNIT_ASSERT(gaps[0] >= 20000 && gaps[1] >= 40000 && gaps[2] >= 80000 && gaps[3] >= 80000);
		CPPUNIT_ASSERT(gaps[3] < 400000);
	}

	void testDropIsReopenedAtOnce()
	{
		Bench bench;
		std::vector<ScriptedSource::Session> sessions(3);
		sessions[0].failOpen = true;
		sessions[1].failOpen = true;
		sessions[2].packets = ScriptedSource::steady(0, 30);
		sessions[2].ending = ScriptedSource::Ending::Error; // it played, then dropped
		bench.source->script(1, sessions);
		auto lease = bench.engine->acquire(1, "test");
		CPPUNIT_ASSERT(eventually([&] { return bench.source->opens(1) >= 4; }));
		const auto times = bench.source->openTimes(1);
		CPPUNIT_ASSERT_MESSAGE("after a drop the upstream opens within the jitter, whatever failed before",
			times[3] - times[2] < 100000);
	}

	void testErrorStateKeepsRetrying()
	{
		Bench bench;
		std::vector<ScriptedSource::Session> sessions(4);
		for (auto& session : sessions) session.failOpen = true;
		bench.source->script(1, sessions);
		auto lease = bench.engine->acquire(1, "test");
		CPPUNIT_ASSERT(eventually([&] { return bench.state(1) == ChannelStatus::State::Error; }));
		ChannelStatus status;
		bench.engine->status(1, status);
		CPPUNIT_ASSERT_EQUAL(std::string(ChannelErrors::PROVIDER_UNREACHABLE), status.errorCode);
		CPPUNIT_ASSERT(eventually([&] { return bench.state(1) == ChannelStatus::State::Live; }));
		bench.engine->status(1, status);
		CPPUNIT_ASSERT(status.errorCode.empty());
	}

	void testStopWhileStalledIsPrompt()
	{
		Bench bench;
		auto lease = bench.engine->acquire(1, "test");
		CPPUNIT_ASSERT(bench.sinkOf(1)->waitForPackets(100, 3000)); // then the scripted provider stalls
		lease.reset();
		const Poco::Timestamp asked;
		bench.engine->stopAll();
		CPPUNIT_ASSERT(asked.elapsed() < 500000);
		CPPUNIT_ASSERT_EQUAL(0, bench.source->open());
		CPPUNIT_ASSERT(bench.output->latest(1)->ended());
	}

	void testStopWhileOpeningIsPrompt()
	{
		// A source plugin's open cannot be interrupted: the stop must not wait for it, and the late
		// connection must be closed (and its thread end) as soon as the open returns.
		Bench bench;
		const int threadsBefore = threadCount();
		ScriptedSource::Session session;
		session.blockOpen = true;
		session.packets = ScriptedSource::steady(0, 50);
		bench.source->script(1, {session});
		bench.engine->start(1, "admin");
		CPPUNIT_ASSERT(eventually([&] { return bench.source->blockedOpens() == 1; }));
		const Poco::Timestamp asked;
		CPPUNIT_ASSERT(bench.engine->stop(1, "admin"));
		CPPUNIT_ASSERT_MESSAGE("stop returns while the open hangs", asked.elapsed() < 1000000);
		CPPUNIT_ASSERT(!bench.running(1));
		CPPUNIT_ASSERT(bench.state(1) == ChannelStatus::State::Stopped);
		bench.source->releaseOpens(); // the provider answers at last
		CPPUNIT_ASSERT_MESSAGE("the late connection is closed at once", eventually([&] { return bench.source->open() == 0; }));
		CPPUNIT_ASSERT_MESSAGE("no thread left behind", eventually([&] { return threadCount() == threadsBefore; }));
		CPPUNIT_ASSERT_EQUAL_MESSAGE("no reopen after the stop", 1, bench.source->opens(1));
		CPPUNIT_ASSERT(!bench.running(1));
	}

	void testSlateBridgesAnOutage()
	{
		Bench bench(3, Bench::slateSettings());
		std::vector<ScriptedSource::Session> sessions(18);
		sessions[0].packets = ScriptedSource::steady(0, 50);
		sessions[0].ending = ScriptedSource::Ending::Error; // played, then dropped; then the provider is away a while
		for (std::size_t index = 1; index < 17; ++index) sessions[index].failOpen = true; // over two seconds: longer than the slate's loop
		sessions[17].packets = ScriptedSource::steady(0, 50);
		bench.source->script(1, sessions);
		auto lease = bench.engine->acquire(1, "test");
		auto sink = bench.sinkOf(1);
		CPPUNIT_ASSERT_MESSAGE("live, the slate, live again", sink->waitForBegins(3, 5000));
		CPPUNIT_ASSERT(sink->waitForPackets(50 + 50 + 25, 3000));
		const auto recorded = sink->packets();
		assertRising(recorded);
		const auto formats = sink->formats();
		CPPUNIT_ASSERT_MESSAGE("the slate is H.264 in the channel's size, with AAC at its rate",
			formats[1].video == AV_CODEC_ID_H264 && formats[1].width == 320 && formats[1].height == 180 &&
				formats[1].audio == AV_CODEC_ID_AAC && formats[1].sampleRate == 48000);
		std::vector<RecordedPacket> slate;
		long long slateEnd = 0;
		for (const auto& packet : recorded)
		{
			if (packet.run != 2) continue;
			slate.push_back(packet);
			slateEnd = std::max(slateEnd, packet.dts + packet.duration);
		}
		CPPUNIT_ASSERT(!slate.empty() && slate.front().track == 0 && slate.front().keyframe);
		CPPUNIT_ASSERT_MESSAGE("the slate has pictures and sound", ofTrack(slate, 0).size() >= 3 && !ofTrack(slate, 1).empty());
		for (const auto& packet : recorded)
		{
			if (packet.run != 3) continue;
			CPPUNIT_ASSERT_MESSAGE("the provider's return starts at a keyframe, 40 ms after the slate", packet.keyframe && packet.dts == slateEnd + 3600);
			break;
		}
	}

	void testSlateFillsAStallInRealTime()
	{
		Bench bench(3, Bench::slateSettings());
		bench.source->script(1, {{ScriptedSource::steady(0, 30), ScriptedSource::Ending::Block, false}}); // stalls, never detected
		auto lease = bench.engine->acquire(1, "test");
		auto sink = bench.sinkOf(1);
		CPPUNIT_ASSERT(sink->waitForBegins(2, 3000));
		const Poco::Timestamp slateSeen;
		Poco::Thread::sleep(1000);
		const double seconds = static_cast<double>(slateSeen.elapsed()) / 1e6;
		const auto slate = ofTrack(sink->packets(), 0);
		std::size_t pictures = 0;
		for (const auto& packet : slate) pictures += packet.run == 2 ? 1 : 0;
		std::printf("\nslate: %zu pictures in %.2f s\n", pictures, seconds);
		CPPUNIT_ASSERT_MESSAGE("25 pictures a second, in real time", pictures >= 20 && pictures <= static_cast<std::size_t>(seconds * 25) + 3);
		lease.reset();
		bench.engine->stopAll();
		CPPUNIT_ASSERT(sink->ended());
	}

	void testSlatePlaysAWholeLoop()
	{
		// The provider comes back just after the slate began (in players.switch a reconnect took just over
		// slateAfter): its keyframe must not cut the slate to a picture or two, which kills the decoders of
		// hls.js and video.js. The slate plays its whole loop; the provider's next keyframe after it takes over.
		Bench bench(3, Bench::slateSettings());
		std::vector<ScriptedSource::Session> sessions(12);
		sessions[0].packets = ScriptedSource::steady(0, 50);
		sessions[0].ending = ScriptedSource::Ending::Error;
		sessions[1].blockOpen = true; // held until the slate has begun
		sessions[1].packets = ScriptedSource::steady(0, 50);
		sessions[1].ending = ScriptedSource::Ending::Error;
		for (std::size_t index = 2; index < 11; ++index) sessions[index].failOpen = true; // about a second more away
		sessions[11].packets = ScriptedSource::steady(0, 50);
		bench.source->script(1, sessions);
		auto lease = bench.engine->acquire(1, "test");
		auto sink = bench.sinkOf(1);
		CPPUNIT_ASSERT_MESSAGE("the slate begins", sink->waitForBegins(2, 3000));
		bench.source->releaseOpens(); // the provider is back at once, its keyframe first
		CPPUNIT_ASSERT_MESSAGE("the provider takes over again", sink->waitForBegins(3, 5000));
		CPPUNIT_ASSERT(eventually([&] {
			const auto packets = sink->packets();
			return std::any_of(packets.begin(), packets.end(), [](const RecordedPacket& packet) { return packet.run == 3; });
		}));
		const auto recorded = sink->packets();
		assertRising(recorded);
		std::size_t slatePictures = 0;
		bool providerSeen = false;
		for (const auto& packet : ofTrack(recorded, 0))
		{
			if (packet.run == 2) ++slatePictures;
			if (packet.run == 3 && !providerSeen)
			{
				CPPUNIT_ASSERT_MESSAGE("the provider's return starts at a keyframe", packet.keyframe);
				providerSeen = true;
			}
		}
		std::printf("\nslate run: %zu pictures before the provider took over\n", slatePictures);
		CPPUNIT_ASSERT_MESSAGE("the slate's run holds its whole loop", slatePictures >= static_cast<std::size_t>(SlateLoop::framesPerSecond));
		CPPUNIT_ASSERT(providerSeen);
	}

	void testLeaseStartsAndIdleStops()
	{
		Bench bench;
		auto lease = bench.engine->acquire(1, "viewer");
		CPPUNIT_ASSERT(bench.running(1));
		CPPUNIT_ASSERT(bench.engine->list().front().holders == std::vector<std::string>{"viewer"});
		lease.reset();
		Poco::Thread::sleep(150);
		CPPUNIT_ASSERT_MESSAGE("not before the idle delay", bench.running(1));
		CPPUNIT_ASSERT(eventually([&] { return !bench.running(1); }, 1000));
		CPPUNIT_ASSERT(eventually([&] { return bench.source->open() == 0; }));
	}

	void testPinIsNeverIdle()
	{
		Bench bench;
		bench.engine->start(1, "admin");
		{
			auto lease = bench.engine->acquire(1, "viewer");
		}
		Poco::Thread::sleep(600);
		CPPUNIT_ASSERT(bench.running(1));
		CPPUNIT_ASSERT(bench.engine->stop(1, "admin"));
		CPPUNIT_ASSERT_MESSAGE("the admin's stop is at once", !bench.running(1));
	}

	void testAdmissionRefusesWithCodes()
	{
		LiveSettings settings = Bench::fastSettings();
		settings.maxChannels = 1;
		Bench bench(3, settings);
		bench.engine->start(1, "admin");
		try
		{
			bench.engine->acquire(2, "viewer");
			CPPUNIT_FAIL("a second channel must be refused");
		}
		catch (const ChannelException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string(ChannelErrors::CHANNEL_LIMIT), exc.errorCode());
			CPPUNIT_ASSERT_EQUAL(409, exc.status());
			CPPUNIT_ASSERT(restream::test::contains(exc.message(), "Channel 1"));
		}
		CPPUNIT_ASSERT_EQUAL(0, bench.source->opens(2));
		try
		{
			bench.engine->acquire(99, "viewer");
			CPPUNIT_FAIL("an unknown channel must be refused");
		}
		catch (const ChannelException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string(ChannelErrors::NOT_FOUND), exc.errorCode());
			CPPUNIT_ASSERT_EQUAL(404, exc.status());
		}
	}

	void testIdleChannelGivesItsConnectionUp()
	{
		LiveSettings settings = Bench::fastSettings();
		settings.maxChannels = 1;
		settings.idleTimeout = Poco::Timespan(30, 0);
		Bench bench(3, settings);
		{
			auto lease = bench.engine->acquire(1, "viewer");
			CPPUNIT_ASSERT(bench.sinkOf(1)->waitForPackets(5, 3000));
		}
		CPPUNIT_ASSERT(bench.running(1)); // idle, for 30 s
		auto second = bench.engine->acquire(2, "viewer");
		CPPUNIT_ASSERT(!bench.running(1));
		CPPUNIT_ASSERT(bench.sinkOf(2)->waitForPackets(5, 3000));
		CPPUNIT_ASSERT_EQUAL_MESSAGE("never two connections at once", 1, bench.source->mostOpen());
	}

	void testRunningChannelAdmitsMoreHolders()
	{
		LiveSettings settings = Bench::fastSettings();
		settings.maxChannels = 1;
		Bench bench(3, settings);
		auto first = bench.engine->acquire(1, "viewer 1");
		auto second = bench.engine->acquire(1, "viewer 2");
		bench.engine->setProgram(1, "admin");
		ChannelStatus status;
		CPPUNIT_ASSERT(bench.engine->status(1, status));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), status.holders.size());
		CPPUNIT_ASSERT(eventually([&] { return bench.source->opens(1) == 1; }));
		Poco::Thread::sleep(50);
		CPPUNIT_ASSERT_EQUAL(1, bench.source->opens(1));
	}

	void testProgramOutranksLeases()
	{
		LiveSettings settings = Bench::fastSettings();
		settings.maxChannels = 1;
		Bench bench(3, settings);
		auto lease = bench.engine->acquire(1, "viewer");
		CPPUNIT_ASSERT(lease->active());
		bench.engine->setProgram(2, "admin");
		CPPUNIT_ASSERT(!bench.running(1));
		CPPUNIT_ASSERT_MESSAGE("the viewer's lease says its channel is gone", !lease->active());
		CPPUNIT_ASSERT(bench.sinkOf(2)->waitForPackets(5, 3000));
		CPPUNIT_ASSERT_EQUAL(1, bench.source->mostOpen());
		try
		{
			bench.engine->acquire(1, "viewer");
			CPPUNIT_FAIL("a viewer does not outrank the program");
		}
		catch (const ChannelException& exc)
		{
			CPPUNIT_ASSERT_EQUAL(std::string(ChannelErrors::CHANNEL_LIMIT), exc.errorCode());
		}
	}

	void testProgramContinuesThroughASwitch()
	{
		LiveSettings settings = Bench::fastSettings();
		settings.maxChannels = 1;
		Bench bench(3, settings);
		bench.engine->setProgram(1, "admin");
		auto program = bench.sinkOf(0);
		CPPUNIT_ASSERT(program->waitForPackets(50, 3000));
		bench.engine->setProgram(2, "admin");
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(2), bench.engine->program());
		CPPUNIT_ASSERT(program->waitForBegins(2, 3000));
		// the new channel's packets (its run), however many came before this line
		CPPUNIT_ASSERT(eventually([&] {
			const auto recorded = program->packets();
			return std::count_if(recorded.begin(), recorded.end(), [](const auto& packet) { return packet.run == 2; }) >= 50;
		}));
		CPPUNIT_ASSERT(!bench.running(1));
		CPPUNIT_ASSERT_EQUAL_MESSAGE("the old upstream closed before the new one opened", 1, bench.source->mostOpen());
		const auto recorded = program->packets();
		assertRising(recorded);
		CPPUNIT_ASSERT_EQUAL(1, bench.output->made(0)); // one program sink through the switch
		for (const auto& packet : recorded)
		{
			if (packet.run != 2) continue;
			CPPUNIT_ASSERT(packet.track == 0 || packet.track == 1);
		}
	}

	void testProgramEndEndsItsSinks()
	{
		Bench bench;
		bench.engine->setProgram(1, "admin");
		auto program = bench.sinkOf(0);
		CPPUNIT_ASSERT(program->waitForPackets(10, 3000));
		bench.engine->setProgram(0, "admin");
		CPPUNIT_ASSERT(program->ended());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), bench.engine->program());
		CPPUNIT_ASSERT(!bench.running(1));
		bench.engine->setProgram(2, "admin");
		CPPUNIT_ASSERT(eventually([&] { return bench.output->made(0) == 2; }));
	}

	void testEventsComeOutsideTheLock()
	{
		Bench bench;
		std::mutex mutex;
		std::vector<ChannelEvent::Kind> kinds;
		std::atomic<int> listed{0};
		auto subscription = bench.engine->subscribe([&](const ChannelEvent& event) {
			listed += static_cast<int>(bench.engine->list().size()); // calls back into the engine: no lock held
			std::lock_guard<std::mutex> lock(mutex);
			kinds.push_back(event.kind);
		});
		bench.engine->setProgram(1, "admin");
		CPPUNIT_ASSERT(eventually([&] {
			std::lock_guard<std::mutex> lock(mutex);
			return std::count(kinds.begin(), kinds.end(), ChannelEvent::Kind::Program) == 1 &&
				std::count(kinds.begin(), kinds.end(), ChannelEvent::Kind::Started) == 1;
		}));
		bench.engine->setProgram(0, "admin");
		CPPUNIT_ASSERT(eventually([&] {
			std::lock_guard<std::mutex> lock(mutex);
			return std::count(kinds.begin(), kinds.end(), ChannelEvent::Kind::Stopped) == 1;
		}));
		subscription.reset();
		const std::size_t delivered = kinds.size();
		bench.engine->start(2, "admin");
		Poco::Thread::sleep(100);
		std::lock_guard<std::mutex> lock(mutex);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("nothing after the subscription ended", delivered, kinds.size());
	}

	void testFailingSubscriberIsNamed()
	{
		// A subscriber that throws is logged like every caught plugin failure: plugin, phase, cause.
		Poco::AutoPtr<restream::test::LogCapture> capture(new restream::test::LogCapture);
		Poco::Logger& logger = Poco::Logger::get("live-test");
		Poco::Channel::Ptr previous = logger.getChannel();
		logger.setChannel(capture);
		{
			Bench bench;
			std::atomic<int> calls{0};
			auto failing = bench.engine->subscribe("fixture-events", [&](const ChannelEvent&) {
				++calls;
				throw std::runtime_error("deliberate failure in a subscriber");
			});
			bench.engine->start(1, "admin");
			CPPUNIT_ASSERT(eventually([&] { return calls > 0; }));
			CPPUNIT_ASSERT(eventually([&] {
				return restream::test::contains(capture->text(), "plugin fixture-events failed in channel event: deliberate failure in a subscriber");
			}));
		}
		logger.setChannel(previous);
	}

	void testAdminChoiceDuringRestoreWins()
	{
		Poco::TemporaryFile directory;
		directory.createDirectories();
		const std::string path = Poco::Path(directory.path(), "live.json").toString();
		{
			Bench bench(3, Bench::fastSettings(), path);
			bench.engine->setProgram(1, "admin");
		}
		Bench again(3, Bench::fastSettings(), path);
		again.engine->prepareRestore();
		again.engine->setProgram(0, "admin"); // the admin stops the program while the host starts
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), again.engine->program());
		std::atomic<bool> cancelled{false};
		again.engine->restore(cancelled);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("the admin's stop is not undone by the restore", Poco::Int64(0), again.engine->program());
		CPPUNIT_ASSERT(!again.running(1));
	}

	void testStateIsRestored()
	{
		Poco::TemporaryFile directory;
		directory.createDirectories();
		const std::string path = Poco::Path(directory.path(), "live.json").toString();
		LiveSettings settings = Bench::fastSettings();
		settings.maxChannels = 3;
		{
			Bench bench(3, settings, path);
			bench.engine->setProgram(1, "admin");
			bench.engine->start(2, "admin");
			auto lease = bench.engine->acquire(3, "viewer");
		}
		Bench again(3, settings, path);
		std::atomic<bool> cancelled{false};
		again.engine->prepareRestore();
		CPPUNIT_ASSERT_EQUAL_MESSAGE("the saved program is named before it starts: its viewers wait for it", Poco::Int64(1),
			again.engine->program());
		CPPUNIT_ASSERT(!again.running(1));
		again.engine->restore(cancelled);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), again.engine->program());
		CPPUNIT_ASSERT(again.running(2));
		CPPUNIT_ASSERT_MESSAGE("leases are not kept: their holders ask again", !again.running(3));
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(LiveCoreTest);
