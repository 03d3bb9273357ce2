//
// RecoveryTest.cpp
//
// How a live channel survives its provider: a real host (auth-jwt,
// source-xtream, output-hls) against the fake provider's fault switches
// (drops, a stall, HTTP 503, garbage, a redirect loop, an outage), and a
// 33-bit PTS wrap served from a file by the fake provider (a file channel).
// Checked from the outside only: the playlist viewers get, /stream_status,
// the provider's own counters and request times, ffprobe on the segments.
//
// Each case runs in a process of its own (one CTest test per case) and is
// kept under about 40 s with short recovery settings.
//

#include "logging/FfmpegLog.h"
#include "MemoryProbe.h"
#include "TextSearch.h"
#include "SignedInHost.h"
#include "fakeprovider/FakeProvider.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>
#include <unistd.h>

using restream::test::SignedInHost;
using restream::test::HttpResult;
using restream::test::contains;
using Clock = std::chrono::steady_clock;

namespace {

const int readTimeoutSeconds = 3;

long long millisecondsSince(Clock::time_point since)
{
	return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
}

void sleepMs(int milliseconds)
{
	std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
}

std::string text(const Poco::JSON::Object::Ptr& json)
{
	std::ostringstream out;
	json->stringify(out);
	return out.str();
}

struct Answer
	/// What one GET got; status -1 when the request itself failed (body: why).
{
	int status = 0;
	std::string body;
	long long milliseconds = 0;
};

Answer get(unsigned short port, const std::string& path, int timeoutSeconds = 10)
	/// One GET on 127.0.0.1:port on a fresh connection; any thread.
{
	Answer answer;
	const auto started = Clock::now();
	try
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", port);
		session.setTimeout(Poco::Timespan(timeoutSeconds, 0));
		Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
		session.sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::istream& stream = session.receiveResponse(response);
		Poco::StreamCopier::copyToString(stream, answer.body);
		answer.status = response.getStatus();
	}
	catch (const Poco::Exception& exc)
	{
		answer.status = -1;
		answer.body = exc.displayText();
	}
	answer.milliseconds = millisecondsSince(started);
	return answer;
}

struct PlaylistSegment
{
	Poco::UInt64 sequence = 0;
	bool discontinuity = false;
	double duration = 0;
	std::string uri;
};

struct Playlist
	/// The parts of an HLS media playlist these tests look at.
{
	bool valid = false;
	Poco::UInt64 mediaSequence = 0;
	bool hasDiscontinuitySequence = false;
	Poco::UInt64 discontinuitySequence = 0;
	std::vector<PlaylistSegment> segments;

	Poco::UInt64 lastSequence() const
	{
		return segments.empty() ? 0 : segments.back().sequence;
	}

	bool hasDiscontinuity() const
	{
		return std::any_of(segments.begin(), segments.end(), [](const PlaylistSegment& segment) { return segment.discontinuity; });
	}
};

Playlist parsePlaylist(const std::string& body)
{
	Playlist playlist;
	std::istringstream lines(body);
	std::string line;
	if (!std::getline(lines, line) || line.compare(0, 7, "#EXTM3U") != 0) return playlist;
	bool haveSequence = false;
	bool discontinuity = false;
	double duration = 0;
	Poco::UInt64 next = 0;
	while (std::getline(lines, line))
	{
		if (!line.empty() && line.back() == '\r') line.pop_back();
		if (line.empty()) continue;
		if (line.compare(0, 22, "#EXT-X-MEDIA-SEQUENCE:") == 0)
		{
			playlist.mediaSequence = std::stoull(line.substr(22));
			next = playlist.mediaSequence;
			haveSequence = true;
		}
		else if (line.compare(0, 30, "#EXT-X-DISCONTINUITY-SEQUENCE:") == 0)
		{
			playlist.hasDiscontinuitySequence = true;
			playlist.discontinuitySequence = std::stoull(line.substr(30));
		}
		else if (line == "#EXT-X-DISCONTINUITY")
		{
			discontinuity = true;
		}
		else if (line.compare(0, 8, "#EXTINF:") == 0)
		{
			duration = std::stod(line.substr(8));
		}
		else if (line[0] != '#')
		{
			PlaylistSegment segment;
			segment.sequence = next++;
			segment.discontinuity = discontinuity;
			segment.duration = duration;
			segment.uri = line;
			playlist.segments.push_back(segment);
			discontinuity = false;
			duration = 0;
		}
	}
	playlist.valid = haveSequence;
	return playlist;
}

class Background
	/// A thread running body(stopFlag) that is always stopped and joined,
	/// assertion failures included.
{
public:
	explicit Background(std::function<void(const std::atomic<bool>&)> body): _thread([this, body] { body(_stop); })
	{
	}

	~Background()
	{
		stop();
	}

	void stop()
	{
		_stop = true;
		if (_thread.joinable()) _thread.join();
	}

private:
	std::atomic<bool> _stop{false}; // declared before _thread: set up before the thread starts
	std::thread _thread;
};

void pause(const std::atomic<bool>& stop, int milliseconds)
	/// Sleeps up to milliseconds, returning early when stop is set.
{
	const auto until = Clock::now() + std::chrono::milliseconds(milliseconds);
	while (!stop && Clock::now() < until) sleepMs(std::min(20, milliseconds));
}

std::string run(const std::string& command, const std::vector<std::string>& arguments, int& exitCode)
	/// Runs a command and returns its standard output (standard error discarded).
{
	Poco::Pipe out;
	Poco::ProcessHandle process = Poco::Process::launch(command, arguments, nullptr, &out, nullptr);
	Poco::PipeInputStream stream(out);
	std::string output;
	Poco::StreamCopier::copyToString(stream, output);
	exitCode = process.wait();
	return output;
}

struct ProbedPacket
{
	int stream = 0;
	long long dts = 0;
};

std::vector<ProbedPacket> probePackets(const std::string& path, bool correctOverflow)
	/// The packets ffprobe reads from path, in file order (packets without a dts left out).
{
	std::vector<std::string> arguments{"-v", "error"};
	if (!correctOverflow)
	{
		arguments.push_back("-correct_ts_overflow");
		arguments.push_back("0");
	}
	for (const char* argument : {"-show_entries", "packet=stream_index,dts", "-of", "json"}) arguments.push_back(argument);
	arguments.push_back(path);
	int exitCode = 0;
	const std::string output = run("ffprobe", arguments, exitCode);
	if (exitCode != 0) throw Poco::RuntimeException("ffprobe failed on " + path);
	std::vector<ProbedPacket> packets;
	const Poco::JSON::Array::Ptr list = SignedInHost::jsonObject(output)->getArray("packets");
	if (!list) return packets;
	for (std::size_t i = 0; i < list->size(); ++i)
	{
		const Poco::JSON::Object::Ptr entry = list->getObject(static_cast<unsigned>(i));
		if (!entry->has("dts")) continue;
		ProbedPacket packet;
		packet.stream = entry->getValue<int>("stream_index");
		packet.dts = entry->getValue<Poco::Int64>("dts");
		packets.push_back(packet);
	}
	return packets;
}


} // namespace

class RecoveryTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RecoveryTest);
	CPPUNIT_TEST(testDropsKeepThePlaylistServing);
	CPPUNIT_TEST(testStallIsDetectedAndRecovered);
	CPPUNIT_TEST(testSlateKeepsSegmentsComingWhileTheProviderIsAway);
	CPPUNIT_TEST(testHttp503AtStartThenErrorThenLive);
	CPPUNIT_TEST(testGarbageIsReportedAndRecovered);
	CPPUNIT_TEST(testRedirectLoopFailsWithoutHanging);
	CPPUNIT_TEST(testStopDuringReconnectionLeavesNoGhost);
	CPPUNIT_TEST(testSwitchDuringReconnectionLeavesNoGhost);
	CPPUNIT_TEST(testSwitchWhileTheProviderFreesTheSlotLate);
	CPPUNIT_TEST(testProviderDownThenUpGoesLiveByItself);
	CPPUNIT_TEST(testPtsWrapGivesMonotonicOutput);
	CPPUNIT_TEST(testProbedStartIsNotDiscarded);
	CPPUNIT_TEST(testStopWhileOpeningAStalledUpstream);
	CPPUNIT_TEST(testOversizedPictureIsCutInBoundedMemory);
	CPPUNIT_TEST(testBitRateBeyondTheCapEndsTheSession);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		restream::host::FfmpegLog::install(Poco::Logger::get("ffmpeg")); // FFmpeg's lines into the host's log, not onto the console
		_provider.reset(new fakeprovider::FakeProvider);
		_provider->start();
	}

	void tearDown() override
	{
		_host.reset();
		_provider.reset();
		for (const auto& path : _files)
		{
			try
			{
				Poco::File(path).remove();
			}
			catch (const Poco::Exception&)
			{
				// already gone
			}
		}
		restream::host::FfmpegLog::uninstall();
	}

	void testDropsKeepThePlaylistServing()
		/// The provider drops the connection every 5 s for 25 s while a viewer
		/// polls the playlist every 250 ms.
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		const unsigned short port = _host->port("api");

		struct Observations
		{
			std::mutex mutex;
			int answers = 0;
			int failures = 0;
			std::string firstFailure;
			bool sawDiscontinuity = false;
			bool sawDiscontinuitySequence = false;
			Poco::UInt64 mediaSequence = 0;
			std::vector<std::string> problems;
			std::map<Poco::UInt64, Poco::UInt64> discontinuityNumbers; // segment sequence -> its discontinuity sequence number
		} seen;
		Background poller([&](const std::atomic<bool>& stop) {
			while (!stop)
			{
				const Answer answer = get(port, "/live.m3u8");
				const Playlist playlist = parsePlaylist(answer.body);
				{
					std::lock_guard<std::mutex> lock(seen.mutex);
					++seen.answers;
					if (answer.status != 200 || !playlist.valid || playlist.segments.empty())
					{
						if (seen.failures++ == 0) seen.firstFailure = std::to_string(answer.status) + " " + answer.body;
					}
					else
					{
						if (playlist.mediaSequence < seen.mediaSequence)
							seen.problems.push_back("media sequence went back from " + std::to_string(seen.mediaSequence) + " to " +
								std::to_string(playlist.mediaSequence));
						seen.mediaSequence = std::max(seen.mediaSequence, playlist.mediaSequence);
						seen.sawDiscontinuity = seen.sawDiscontinuity || playlist.hasDiscontinuity();
						seen.sawDiscontinuitySequence = seen.sawDiscontinuitySequence || playlist.hasDiscontinuitySequence;
						// RFC 8216 6.2.2: a segment keeps its discontinuity sequence number in every playlist
						Poco::UInt64 number = playlist.discontinuitySequence;
						for (const auto& segment : playlist.segments)
						{
							if (segment.discontinuity) ++number;
							auto known = seen.discontinuityNumbers.emplace(segment.sequence, number);
							if (!known.second && known.first->second != number)
								seen.problems.push_back("segment " + std::to_string(segment.sequence) + " had discontinuity sequence number " +
									std::to_string(known.first->second) + ", now " + std::to_string(number) + ":\n" + answer.body);
						}
					}
				}
				pause(stop, 250);
			}
		});

		_provider->setDropAfter(fakeprovider::FakeProvider::CHANNEL_SD, Poco::Timespan(5, 0));
		sleepMs(25000);

		// clear the fault right after the next drop, while restream reconnects
		const auto waitingForDrop = Clock::now();
		while (openConnections(fakeprovider::FakeProvider::CHANNEL_SD) != 0 && millisecondsSince(waitingForDrop) < 8000) sleepMs(10);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("no drop seen after the 25 s", 0, openConnections(fakeprovider::FakeProvider::CHANNEL_SD));
		const Playlist before = parsePlaylist(_host->request("GET", "api", "/live.m3u8").body);
		CPPUNIT_ASSERT(before.valid && !before.segments.empty());
		const Poco::Timestamp clearedAt;
		_provider->resetFaults();
		const auto cleared = Clock::now();
		long long firstNewSegment = -1;   // the first media sequence number above those listed when the fault cleared
		long long firstNewUpstream = -1;  // the first segment of the new upstream session (the one tagged discontinuous)
		while ((firstNewSegment < 0 || firstNewUpstream < 0) && millisecondsSince(cleared) < 12000)
		{
			const Playlist now = parsePlaylist(_host->request("GET", "api", "/live.m3u8").body);
			for (const auto& segment : now.segments)
			{
				if (segment.sequence <= before.lastSequence()) continue;
				if (firstNewSegment < 0) firstNewSegment = millisecondsSince(cleared);
				if (segment.discontinuity && firstNewUpstream < 0) firstNewUpstream = millisecondsSince(cleared);
			}
			sleepMs(25);
		}
		long long reconnectRequest = -1;
		for (const auto& time : _provider->streamRequestTimes())
			if (time >= clearedAt)
			{
				reconnectRequest = (time - clearedAt) / 1000;
				break;
			}
		std::cout << "\n[figure] after a drop, fault cleared (resetFaults) to the first new media sequence number in /live.m3u8: "
				  << firstNewSegment << " ms (the provider got the reconnection " << reconnectRequest
				  << " ms after the clear); to the first segment of the new upstream (#EXT-X-DISCONTINUITY): " << firstNewUpstream
				  << " ms" << std::endl;
		poller.stop();

		const auto status = _host->status();
		const int busiest = busiestSecond(_provider->streamRequestTimes());
		std::lock_guard<std::mutex> lock(seen.mutex);
		std::cout << "[figure] drops: " << seen.answers << " playlist requests (" << seen.failures << " not 200), "
				  << _provider->stats().streamRequests << " stream requests, at most " << busiest << " in any 1 s window, "
				  << status->getValue<int>("reconnects") << " reconnects" << std::endl;
		CPPUNIT_ASSERT_MESSAGE("the playlist did not always answer 200: " + std::to_string(seen.failures) + " of " +
				std::to_string(seen.answers) + ", first: " + seen.firstFailure,
			seen.failures == 0);
		CPPUNIT_ASSERT(seen.answers >= 80);
		CPPUNIT_ASSERT_MESSAGE(seen.problems.empty() ? "" : seen.problems.front(), seen.problems.empty());
		CPPUNIT_ASSERT_MESSAGE("no #EXT-X-DISCONTINUITY after the drops", seen.sawDiscontinuity);
		CPPUNIT_ASSERT_MESSAGE("no #EXT-X-DISCONTINUITY-SEQUENCE once a discontinuity left the window", seen.sawDiscontinuitySequence);
		CPPUNIT_ASSERT_MESSAGE(text(status), status->getValue<int>("reconnects") >= 3);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(busiest) + " stream requests within one second", busiest <= 3);
		CPPUNIT_ASSERT_MESSAGE("no new segment within 12 s of the fault clearing\n" + _host->log(), firstNewSegment >= 0);
		CPPUNIT_ASSERT_MESSAGE("the new upstream gave no segment within 12 s", firstNewUpstream >= 0);
		CPPUNIT_ASSERT_MESSAGE("first new media sequence number " + std::to_string(firstNewSegment) + " ms after the fault cleared",
			firstNewSegment <= 3000);
		// each reconnect joins the provider mid-GOP: H.264's complaints until the first keyframe are debug lines
		std::istringstream lines(_host->log());
		std::string line;
		while (std::getline(lines, line))
		{
			const bool error = line.compare(0, 4, "[3] ") == 0 || line.compare(0, 4, "[2] ") == 0 || line.compare(0, 4, "[1] ") == 0;
			CPPUNIT_ASSERT_MESSAGE("a join's expected complaint logged as an error: " + line,
				!error || (!contains(line, "non-existing PPS") && !contains(line, "no frame!") && !contains(line, "decode_slice_header")));
		}
	}

	void testStallIsDetectedAndRecovered()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		sleepMs(1000);
		_provider->setStall(fakeprovider::FakeProvider::CHANNEL_SD, true);
		const auto stalled = Clock::now();
		Poco::JSON::Object::Ptr status;
		do
		{
			status = _host->status();
			if (status->getValue<std::string>("state") == "reconnecting") break;
			sleepMs(50);
		} while (millisecondsSince(stalled) < (readTimeoutSeconds + 8) * 1000);
		const long long detected = millisecondsSince(stalled);
		std::cout << "\n[figure] stall detected (state reconnecting) " << detected << " ms after the provider stalled (live.readTimeout = "
				  << readTimeoutSeconds << " s)" << std::endl;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(text(status) + "\n" + _host->log(), std::string("reconnecting"), status->getValue<std::string>("state"));
		CPPUNIT_ASSERT_MESSAGE(text(status), detected <= (readTimeoutSeconds + 2) * 1000);
		// The reopen follows at once and may already have replaced the status's error (a provider
		// that still counts the stalled connection refuses it), so the stall's cause is read from the log.
		const std::string stallCause = "no data from the provider for " + std::to_string(readTimeoutSeconds) + " s";
		CPPUNIT_ASSERT_MESSAGE(text(status) + "\n" + _host->log(),
			contains(status->optValue<std::string>("error", ""), stallCause) || contains(_host->log(), stallCause));

		_provider->setStall(fakeprovider::FakeProvider::CHANNEL_SD, false);
		const auto resumed = Clock::now();
		_host->waitForState("live", 20);
		std::cout << "[figure] stall cleared to live again: " << millisecondsSince(resumed) << " ms" << std::endl;
		CPPUNIT_ASSERT(_host->status()->isNull("error"));
		CPPUNIT_ASSERT(openConnections(fakeprovider::FakeProvider::CHANNEL_SD) <= 1);
	}

	void testSlateKeepsSegmentsComingWhileTheProviderIsAway()
		/// The provider stalls for 12 s (detected after 3 s, then each reopen
		/// stalls again): the playlist must keep getting new segments, a
		/// slate segment counting, no more than twice the target duration
		/// apart; the slate is real media in the channel's shape.
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		sleepMs(3000);
		const Playlist first = parsePlaylist(_host->request("GET", "api", "/live.m3u8").body);
		CPPUNIT_ASSERT(first.valid && !first.segments.empty());
		const HttpResult liveSegment = _host->request("GET", "api", "/" + first.segments.back().uri);
		CPPUNIT_ASSERT_EQUAL(200, liveSegment.status);

		std::map<Poco::UInt64, long long> appeared; // sequence -> ms after the stall began
		std::map<Poco::UInt64, PlaylistSegment> segments;
		for (const auto& segment : first.segments) appeared[segment.sequence] = 0;
		const auto stalled = Clock::now();
		_provider->setStall(fakeprovider::FakeProvider::CHANNEL_SD, true);
		bool cleared = false;
		long long liveAgain = -1;
		while (millisecondsSince(stalled) < 30000)
		{
			if (!cleared && millisecondsSince(stalled) >= 12000)
			{
				_provider->setStall(fakeprovider::FakeProvider::CHANNEL_SD, false);
				cleared = true;
			}
			const Playlist playlist = parsePlaylist(_host->request("GET", "api", "/live.m3u8").body);
			for (const auto& segment : playlist.segments)
			{
				if (!appeared.emplace(segment.sequence, millisecondsSince(stalled)).second) continue;
				segments[segment.sequence] = segment;
				if (cleared && segment.discontinuity && liveAgain < 0 && millisecondsSince(stalled) > 12500) liveAgain = millisecondsSince(stalled);
			}
			if (liveAgain >= 0 && millisecondsSince(stalled) > liveAgain + 3000) break;
			sleepMs(100);
		}
		long long largestGap = 0;
		long long previous = 0;
		for (const auto& entry : appeared)
		{
			largestGap = std::max(largestGap, entry.second - previous);
			previous = entry.second;
		}
		std::cout << "\n[figure] slate: provider stalled 12 s; " << segments.size() << " new segments, the largest gap between new segments "
				  << largestGap << " ms; a discontinuity (the provider's return) " << liveAgain << " ms after the stall began" << std::endl;
		CPPUNIT_ASSERT_MESSAGE("the provider's return never reached the playlist\n" + _host->log(), liveAgain > 0);
		CPPUNIT_ASSERT_MESSAGE("segments stopped for " + std::to_string(largestGap) + " ms\n" + _host->log(), largestGap <= 4000 + 300);

		// a segment from the middle of the outage is the slate: decodable, in the channel's shape
		PlaylistSegment slate;
		for (const auto& entry : segments)
		{
			if (appeared[entry.first] >= 6000 && appeared[entry.first] <= 11000) slate = entry.second;
		}
		CPPUNIT_ASSERT_MESSAGE("no segment published in the middle of the outage", !slate.uri.empty());
		const HttpResult slateSegment = _host->request("GET", "api", "/" + slate.uri);
		CPPUNIT_ASSERT_EQUAL(200, slateSegment.status);
		const auto shape = [&](const std::string& body) {
			const std::string path = temporaryFile(".ts");
			{
				Poco::FileOutputStream out(path);
				out << body;
			}
			int exitCode = 0;
			const std::string output = run("ffprobe", {"-v", "error", "-count_frames", "-show_entries",
				"stream=codec_type,codec_name,width,height,sample_rate,nb_read_frames", "-of", "compact", path}, exitCode);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(output, 0, exitCode);
			return output;
		};
		const std::string liveShape = shape(liveSegment.body);
		const std::string slateShape = shape(slateSegment.body);
		std::cout << "[figure] live segment: " << liveShape << "[figure] slate segment: " << slateShape << std::flush;
		const auto field = [](const std::string& output, const std::string& name) {
			const auto at = output.find(name + "=");
			return at == std::string::npos ? std::string() : output.substr(at, output.find('|', at) - at);
		};
		CPPUNIT_ASSERT(contains(slateShape, "codec_name=h264") && contains(slateShape, "codec_name=aac"));
		CPPUNIT_ASSERT_EQUAL(field(liveShape, "width"), field(slateShape, "width"));
		CPPUNIT_ASSERT_EQUAL(field(liveShape, "height"), field(slateShape, "height"));
		CPPUNIT_ASSERT_EQUAL(field(liveShape, "sample_rate"), field(slateShape, "sample_rate"));
		CPPUNIT_ASSERT_MESSAGE(slateShape, !contains(slateShape, "nb_read_frames=0"));
		std::cout << "[figure] slate: CPU of this process's threads named slate-*: " << threadCpuMilliseconds("slate-")
				  << " ms over the whole run (the encoding once, then playing the loop for about 13 s)" << std::endl;
	}

	static long long threadCpuMilliseconds(const std::string& namePrefix)
		/// user + system CPU of this process's threads whose name starts with namePrefix (/proc/self/task);
		/// -1 when there is none.
	{
		long long ticks = 0;
		bool found = false;
		Poco::File tasks("/proc/self/task");
		std::vector<std::string> ids;
		tasks.list(ids);
		for (const auto& id : ids)
		{
			std::ifstream comm("/proc/self/task/" + id + "/comm");
			std::string name;
			std::getline(comm, name);
			if (name.compare(0, namePrefix.size(), namePrefix) != 0) continue;
			found = true;
			std::ifstream stat("/proc/self/task/" + id + "/stat");
			std::string line;
			std::getline(stat, line);
			std::istringstream fields(line.substr(line.rfind(')') + 2)); // after "pid (comm) "
			std::string field;
			for (int index = 3; index <= 15 && fields >> field; ++index)
			{
				if (index == 14 || index == 15) ticks += std::stoll(field); // utime, stime
			}
		}
		return found ? ticks * 1000 / sysconf(_SC_CLK_TCK) : -1;
	}

	void testHttp503AtStartThenErrorThenLive()
		/// The provider answers 503 from the start: the channel reconnects
		/// with a growing delay, shows error after live.maxFailures opens and
		/// goes on retrying at the capped delay (never a tight loop), and is
		/// live by itself once the provider answers again; the API stays quick.
	{
		const int maxRetryDelayMs = 2000;
		startHost({{"live.maxFailures", "3"}, {"live.maxRetryDelay", std::to_string(maxRetryDelayMs / 1000)}});
		const unsigned short port = _host->port("api");
		struct Latency
		{
			std::mutex mutex;
			long long slowest = 0;
			std::string slowestWhat;
			int failures = 0;
			int requests = 0;
		} latency;
		Background watcher([&](const std::atomic<bool>& stop) {
			while (!stop)
			{
				for (const char* path : {"/health", "/stream_status"})
				{
					const Answer answer = get(port, path, 5);
					std::lock_guard<std::mutex> lock(latency.mutex);
					++latency.requests;
					if (answer.status != 200) ++latency.failures;
					if (answer.milliseconds > latency.slowest)
					{
						latency.slowest = answer.milliseconds;
						latency.slowestWhat = path;
					}
				}
				pause(stop, 100);
			}
		});

		_provider->setStatus(fakeprovider::FakeProvider::CHANNEL_SD, 503);
		const auto starting = Clock::now();
		const HttpResult start = _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD);
		const long long startAnswer = millisecondsSince(starting);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(start.body, 200, start.status);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(startAnswer) + " ms to answer the start", startAnswer < 1000);

		auto status = _host->waitForState("reconnecting", 5);
		CPPUNIT_ASSERT_MESSAGE(text(status), contains(status->optValue<std::string>("error", ""), "HTTP 5xx"));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(text(status), std::string("upstream_refused"), status->optValue<std::string>("error_code", ""));
		status = _host->waitForState("error", 10);
		CPPUNIT_ASSERT_MESSAGE(text(status), contains(status->optValue<std::string>("error", ""), "HTTP 5xx"));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(text(status), std::string("upstream_refused"), status->optValue<std::string>("error_code", ""));
		CPPUNIT_ASSERT(status->getValue<bool>("active"));
		const auto requestsAtError = _provider->streamRequestTimes().size();
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), requestsAtError); // live.maxFailures opens, then the channel shows error

		// in error, it keeps trying by itself, at the capped delay
		const auto inError = Clock::now();
		while (_provider->streamRequestTimes().size() < requestsAtError + 2 && millisecondsSince(inError) < 4 * maxRetryDelayMs)
			sleepMs(50);
		CPPUNIT_ASSERT_MESSAGE("no retry within " + std::to_string(4 * maxRetryDelayMs) + " ms of the error",
			_provider->streamRequestTimes().size() >= requestsAtError + 2);
		status = _host->status();
		CPPUNIT_ASSERT_EQUAL_MESSAGE(text(status), std::string("error"), status->getValue<std::string>("state"));

		_provider->setStatus(fakeprovider::FakeProvider::CHANNEL_SD, 0);
		const auto cleared = Clock::now();
		_host->waitForState("live", 3 + 15);
		std::cout << "\n[figure] 503 cleared while in error to live: " << millisecondsSince(cleared) << " ms (live.maxRetryDelay = "
				  << maxRetryDelayMs / 1000 << " s)" << std::endl;
		status = _host->status();
		CPPUNIT_ASSERT_MESSAGE(text(status), status->isNull("error") && status->isNull("error_code"));

		// never a tight loop: each retry waited at least half of live.retryDelay (500 ms, ±50 % jitter), and never much
		// more than the cap (its +50 % jitter)
		const auto times = _provider->streamRequestTimes();
		std::string gaps;
		for (std::size_t i = 1; i < times.size(); ++i)
		{
			const long long gap = (times[i] - times[i - 1]) / 1000;
			gaps += (gaps.empty() ? "" : ", ") + std::to_string(gap);
			CPPUNIT_ASSERT_MESSAGE("retry " + std::to_string(i) + " came " + std::to_string(gap) + " ms after the one before", gap >= 250);
			CPPUNIT_ASSERT_MESSAGE("retry " + std::to_string(i) + " came " + std::to_string(gap) + " ms after the one before",
				gap <= maxRetryDelayMs * 3 / 2 + 500);
		}
		std::cout << "[figure] stream requests " << times.size() << ", ms between them: " << gaps << std::endl;

		watcher.stop();
		std::lock_guard<std::mutex> lock(latency.mutex);
		std::cout << "[figure] /health and /stream_status during the failures: " << latency.requests << " requests, slowest "
				  << latency.slowest << " ms (" << latency.slowestWhat << ")" << std::endl;
		CPPUNIT_ASSERT_EQUAL(0, latency.failures);
		CPPUNIT_ASSERT(latency.requests >= 20);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(latency.slowest) + " ms for " + latency.slowestWhat, latency.slowest < 500);
	}

	void testGarbageIsReportedAndRecovered()
	{
		startHost();
		_provider->setGarbage(fakeprovider::FakeProvider::CHANNEL_SD, true);
		const auto starting = Clock::now();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		Poco::JSON::Object::Ptr status;
		do
		{
			status = _host->status();
			if (status->getValue<std::string>("state") == "reconnecting" || status->getValue<std::string>("state") == "error") break;
			sleepMs(100);
		} while (millisecondsSince(starting) < 15000);
		std::cout << "\n[figure] garbage from the provider to state " << status->getValue<std::string>("state") << ": "
				  << millisecondsSince(starting) << " ms (" << _provider->stats().channels[fakeprovider::FakeProvider::CHANNEL_SD].total
				  << " connection(s) accepted)" << std::endl;
		CPPUNIT_ASSERT_MESSAGE("garbage never failed the channel within 15 s: " + text(status) + "\n" + _host->log(),
			status->getValue<std::string>("state") == "reconnecting" || status->getValue<std::string>("state") == "error");
		const long long recognised = millisecondsSince(starting);
		CPPUNIT_ASSERT_MESSAGE(text(status), contains(status->optValue<std::string>("error", ""), "not a playable stream"));
		// recognised by the format probe on the first bytes, long before the no-progress deadline (2 × readTimeout + analyzeDuration)
		CPPUNIT_ASSERT_MESSAGE(std::to_string(recognised) + " ms", recognised < 2 * readTimeoutSeconds * 1000);
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "api", "/health").status);

		_provider->setGarbage(fakeprovider::FakeProvider::CHANNEL_SD, false);
		_host->waitForState("live", 20);
	}

	void testRedirectLoopFailsWithoutHanging()
	{
		startHost();
		_provider->setRedirectLoop(fakeprovider::FakeProvider::CHANNEL_SD, true);
		const auto starting = Clock::now();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		const long long startAnswer = millisecondsSince(starting);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(startAnswer) + " ms to answer the start", startAnswer < 1000);
		Poco::JSON::Object::Ptr status;
		do
		{
			status = _host->status();
			const std::string state = status->getValue<std::string>("state");
			if ((state == "reconnecting" || state == "error") && !status->isNull("error")) break;
			sleepMs(50);
		} while (millisecondsSince(starting) < 5000);
		std::cout << "\n[figure] redirect loop to state " << status->getValue<std::string>("state") << " in " << millisecondsSince(starting)
				  << " ms, error: " << status->optValue<std::string>("error", "") << std::endl;
		const std::string state = status->getValue<std::string>("state");
		CPPUNIT_ASSERT_MESSAGE(text(status) + "\n" + _host->log(), state == "reconnecting" || state == "error");
		CPPUNIT_ASSERT_MESSAGE(text(status), !status->optValue<std::string>("error", "").empty());
		sleepMs(2000);
		const auto stats = _provider->stats();
		// live.maxRedirects (2) hops per attempt at most: the loop is not followed
		CPPUNIT_ASSERT_MESSAGE(std::to_string(stats.redirectHops) + " hops for " + std::to_string(stats.streamRequests) + " requests",
			stats.redirectHops <= 2 * stats.streamRequests);
		CPPUNIT_ASSERT_MESSAGE("the loop was never entered", stats.streamRequests >= 1);

		const auto stopping = Clock::now();
		CPPUNIT_ASSERT_EQUAL(200, _host->request("POST", "api", "/stop_stream", "", _host->bearer()).status);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(millisecondsSince(stopping)) + " ms to stop", millisecondsSince(stopping) < 1000);
		CPPUNIT_ASSERT_EQUAL(std::string("idle"), _host->status()->getValue<std::string>("state"));
	}

	void testStopDuringReconnectionLeavesNoGhost()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		_provider->stop(); // the outage
		_host->waitForState("reconnecting", readTimeoutSeconds + 5);
		sleepMs(1500);
		const auto stopping = Clock::now();
		CPPUNIT_ASSERT_EQUAL(200, _host->request("POST", "api", "/stop_stream", "", _host->bearer()).status);
		const long long stopAnswer = millisecondsSince(stopping);
		const Poco::Timestamp stopped;
		std::cout << "\n[figure] stop during reconnection answered in " << stopAnswer << " ms" << std::endl;
		CPPUNIT_ASSERT_MESSAGE(std::to_string(stopAnswer) + " ms to stop", stopAnswer < 1000);

		_provider->start(); // the provider is back on the same port
		sleepMs(3000);
		const auto stats = _provider->stats();
		CPPUNIT_ASSERT_EQUAL(0, stats.channels.at(fakeprovider::FakeProvider::CHANNEL_SD).open);
		CPPUNIT_ASSERT_EQUAL(0, stats.activeConnections);
		for (const auto& time : _provider->streamRequestTimes())
			CPPUNIT_ASSERT_MESSAGE("a stream request " + std::to_string((time - stopped) / 1000) + " ms after the stop", time < stopped);
		CPPUNIT_ASSERT_EQUAL(std::string("idle"), _host->status()->getValue<std::string>("state"));
	}

	void testSwitchDuringReconnectionLeavesNoGhost()
	{
		startHost();
		_provider->setStatus(fakeprovider::FakeProvider::CHANNEL_SD, 503);
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("reconnecting", 5);
		sleepMs(700);
		const auto switching = Clock::now();
		const HttpResult switched = _host->startStream(fakeprovider::FakeProvider::CHANNEL_SMALL);
		const Poco::Timestamp switchedAt;
		const long long switchAnswer = millisecondsSince(switching);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(switched.body, 200, switched.status);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(switchAnswer) + " ms to switch", switchAnswer < 1000);
		// 101 is stopped (its pipeline joined) before the answer; a request it sent just before
		// may still be on its way through the provider for a few milliseconds
		sleepMs(200);
		const auto errorsAtSwitch = _provider->stats().streamErrors;
		const auto status = _host->waitForState("live", 20);
		CPPUNIT_ASSERT_EQUAL(std::string("News 24"), status->getValue<std::string>("name"));
		sleepMs(3000);

		const auto stats = _provider->stats();
		CPPUNIT_ASSERT_EQUAL(0, stats.channels.count(fakeprovider::FakeProvider::CHANNEL_SD)
				? stats.channels.at(fakeprovider::FakeProvider::CHANNEL_SD).open : 0);
		CPPUNIT_ASSERT_EQUAL(1, stats.channels.at(fakeprovider::FakeProvider::CHANNEL_SMALL).open);
		// no 101 request after the switch: 101 answers 503, which the provider counts in streamErrors
		CPPUNIT_ASSERT_EQUAL(errorsAtSwitch, stats.streamErrors);
		std::size_t after = 0;
		for (const auto& time : _provider->streamRequestTimes())
			if (time >= switchedAt) ++after;
		CPPUNIT_ASSERT(after <= std::size_t(stats.channels.at(fakeprovider::FakeProvider::CHANNEL_SMALL).total));
	}

	void testSwitchWhileTheProviderFreesTheSlotLate()
		/// Real panels count a connection for a while after the client left. A
		/// switch closes restream's own connection and opens the next channel:
		/// it must not be refused because of restream's own, just-closed slot,
		/// nor leave nothing playing; the new channel goes live once the slot is
		/// free, and restream never holds two connections.
	{
		fakeprovider::ProviderOptions options;
		options.slotReleaseDelay = Poco::Timespan(1, 0);
		_provider.reset(new fakeprovider::FakeProvider(options));
		_provider->start();
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		_host->waitForState("live", 20);
		std::atomic<int> mostOpen{0};
		Background watcher([&](const std::atomic<bool>& stop) {
			while (!stop)
			{
				int open = 0;
				for (const auto& channel : _provider->stats().channels) open += channel.second.open;
				mostOpen = std::max(mostOpen.load(), open);
				sleepMs(5);
			}
		});
		const HttpResult switched = _host->startStream(fakeprovider::FakeProvider::CHANNEL_SMALL);
		const std::string after = _host->status()->getValue<std::string>("state");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(switched.body + "\nand /stream_status says " + after, 200, switched.status);
		const auto switchedAt = Clock::now();
		const auto status = _host->waitForState("live", 15);
		std::cout << "\n[figure] switch with a provider that frees slots 1 s late: live on 105 after " << millisecondsSince(switchedAt)
				  << " ms" << std::endl;
		CPPUNIT_ASSERT_EQUAL(std::string("News 24"), status->getValue<std::string>("name"));
		watcher.stop();
		CPPUNIT_ASSERT_EQUAL(1, mostOpen.load());
		CPPUNIT_ASSERT_EQUAL(0, openConnections(fakeprovider::FakeProvider::CHANNEL_SD));
	}

	void testProviderDownThenUpGoesLiveByItself()
	{
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "api", "/channels", "", _host->bearer()).status); // the catalog, while the provider is up
		_provider->stop();
		const HttpResult start = _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(start.body, 200, start.status);
		const auto status = _host->waitForState("reconnecting", 5);
		CPPUNIT_ASSERT_MESSAGE(text(status), !status->isNull("error"));
		sleepMs(3000);
		CPPUNIT_ASSERT_EQUAL(std::string("reconnecting"), _host->status()->getValue<std::string>("state"));

		_provider->start();
		const auto restarted = Clock::now();
		_host->waitForState("live", 20);
		std::cout << "\n[figure] provider restarted to live again (no admin action): " << millisecondsSince(restarted)
				  << " ms (live.retryDelay 500 ms, live.maxRetryDelay 4 s)" << std::endl;
		CPPUNIT_ASSERT_EQUAL(1, openConnections(fakeprovider::FakeProvider::CHANNEL_SD));
	}

	void testPtsWrapGivesMonotonicOutput()
		/// A stream whose 33-bit MPEG-TS timestamps wrap about 5 s in (2^33 / 90000 = 95443.7 s):
		/// the segments restream makes must have dts rising per track, without a jump.
	{
		const std::string source = makeTestStream(14, "95437.3");

		// the fixture really wraps: a raw video dts falls by almost 2^33
		const long long wrap = 1LL << 33;
		long long wrapAfter = -1; // ticks from the first video dts to the wrap
		{
			const auto raw = probePackets(source, false);
			long long first = -1, previous = -1;
			for (const auto& packet : raw)
			{
				if (packet.stream != 0) continue;
				if (first < 0) first = packet.dts;
				if (previous >= 0 && previous - packet.dts > wrap / 2) wrapAfter = wrap - first;
				previous = packet.dts;
			}
			CPPUNIT_ASSERT_MESSAGE("the test stream's video dts do not wrap", wrapAfter > 0);
			CPPUNIT_ASSERT(wrapAfter > 3 * 90000 && wrapAfter < 9 * 90000);
		}
		serveFile(source, 14);
		const Session session = collectFirstSession();
		const std::string output = temporaryFile(".ts");
		{
			Poco::FileOutputStream out(output);
			for (const auto& segment : session.segments) out << segment.second;
		}

		const auto packets = probePackets(output, true);
		std::map<int, long long> first, last, biggestStep, backwards;
		for (const auto& packet : packets)
		{
			if (last.count(packet.stream))
			{
				const long long step = packet.dts - last[packet.stream];
				if (step <= 0) ++backwards[packet.stream];
				biggestStep[packet.stream] = std::max(biggestStep[packet.stream], step);
			}
			else
				first[packet.stream] = packet.dts;
			last[packet.stream] = packet.dts;
		}
		const long long span = last[0] - first[0];
		std::cout << "\n[figure] PTS wrap: " << session.segments.size() << " segments (" << session.firstSessionSeconds
				  << " s before the reconnect, and the first after it), " << packets.size() << " packets; output video dts " << first[0]
				  << " .. " << last[0] << " (the source wraps " << wrapAfter << " ticks after its first frame), biggest dts step: video "
				  << biggestStep[0] << ", audio " << biggestStep[1] << " ticks; steps backwards: video " << backwards[0] << ", audio "
				  << backwards[1] << std::endl;
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), first.size());
		CPPUNIT_ASSERT_EQUAL_MESSAGE("video dts not rising", 0LL, backwards[0]);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("audio dts not rising", 0LL, backwards[1]);
		CPPUNIT_ASSERT_MESSAGE("the output does not reach past the wrap", span > wrapAfter + 2 * 90000);
		CPPUNIT_ASSERT_MESSAGE("a jump in the video timeline", biggestStep[0] < 45000);
		CPPUNIT_ASSERT_MESSAGE("a jump in the audio timeline", biggestStep[1] < 45000);
		CPPUNIT_ASSERT_MESSAGE("audio and video drifted apart", std::llabs((last[1] - first[1]) - (last[0] - first[0])) < 45000);
		CPPUNIT_ASSERT_MESSAGE("the output itself wraps", last[0] < wrap && last[1] < wrap);
		CPPUNIT_ASSERT_MESSAGE("the first session lost more than its first GOP", session.firstSessionSeconds > 11.5);
	}

	void testProbedStartIsNotDiscarded()
		/// A (re)connection must not throw away what FFmpeg read while probing the
		/// stream: the provider's first keyframe is there, and without it every
		/// (re)connection waits for the next one (up to a GOP more to start and to
		/// recover). The panel sends a 10 s file whose first frame is a keyframe;
		/// the first upstream session must give all 10 s.
	{
		const std::string source = makeTestStream(10, "0");
		serveFile(source, 10);
		const Session session = collectFirstSession();
		std::cout << "\n[figure] first upstream session: " << session.firstSessionSeconds
				  << " s of segments from the 10 s the provider sent (keyframes every 2 s)" << std::endl;
		CPPUNIT_ASSERT_MESSAGE(std::to_string(session.firstSessionSeconds) +
				" s of 10 s in the segments: the start of the stream, read while probing, was discarded",
			session.firstSessionSeconds > 9.5);
	}

	void testStopWhileOpeningAStalledUpstream()
		/// The provider accepts the connection and sends nothing: stop must not
		/// wait for live.readTimeout, and the connection must close.
	{
		startHost({{"live.readTimeout", "10"}});
		_provider->setStall(fakeprovider::FakeProvider::CHANNEL_SD, true);
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		const auto opening = Clock::now();
		while (openConnections(fakeprovider::FakeProvider::CHANNEL_SD) == 0 && millisecondsSince(opening) < 5000) sleepMs(20);
		CPPUNIT_ASSERT_EQUAL(1, openConnections(fakeprovider::FakeProvider::CHANNEL_SD));
		sleepMs(1500);
		CPPUNIT_ASSERT_EQUAL(std::string("starting"), _host->status()->getValue<std::string>("state"));
		const auto stopping = Clock::now();
		CPPUNIT_ASSERT_EQUAL(200, _host->request("POST", "api", "/stop_stream", "", _host->bearer()).status);
		const long long stopAnswer = millisecondsSince(stopping);
		while (openConnections(fakeprovider::FakeProvider::CHANNEL_SD) != 0 && millisecondsSince(stopping) < 3000) sleepMs(20);
		std::cout << "\n[figure] stop while opening a stalled upstream: answered in " << stopAnswer << " ms, connection closed at the provider after "
				  << millisecondsSince(stopping) << " ms" << std::endl;
		CPPUNIT_ASSERT_MESSAGE(std::to_string(stopAnswer) + " ms to stop", stopAnswer < 1000);
		CPPUNIT_ASSERT_EQUAL(0, openConnections(fakeprovider::FakeProvider::CHANNEL_SD));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().streamRequests);
	}

private:
	void testOversizedPictureIsCutInBoundedMemory()
	{
		// the provider's video PES never ends (audio goes on): FFmpeg's parser would buffer the picture whole.
		// It comes fast: the bit-rate cap, which would end it first, is lifted
		startHost({{"live.maxBitRate", "1000"}});
		_provider->setOversizedPes(fakeprovider::FakeProvider::CHANNEL_SD, true);
		restream::test::MemoryProbe memory;
		const auto starting = Clock::now();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		Poco::JSON::Object::Ptr status;
		long long cutAfter = -1;
		std::string reason;
		while (millisecondsSince(starting) < 25000)
		{
			status = _host->status();
			if (cutAfter < 0 && status->optValue<std::string>("error_code", "") == "too_large")
			{
				cutAfter = millisecondsSince(starting);
				reason = status->optValue<std::string>("error", "");
			}
			sleepMs(100);
		}
		memory.finish();
		std::cout << "\n[figure] a picture that never ends: cut after " << cutAfter << " ms; memory +" << (memory.peakKb() - memory.beforeKb()) / 1024
				  << " MiB at most over 25 s (" << _provider->stats().channels[fakeprovider::FakeProvider::CHANNEL_SD].total << " connection(s))"
				  << std::endl;
		CPPUNIT_ASSERT_MESSAGE("never reported too_large: " + text(status) + "\n" + _host->log(), cutAfter >= 0);
		CPPUNIT_ASSERT_MESSAGE(reason, contains(reason, "without a complete picture"));
		CPPUNIT_ASSERT_MESSAGE("memory grew by " + std::to_string(memory.peakKb() - memory.beforeKb()) + " kB", memory.grewLessThan(96 * 1024));
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "api", "/health").status);
		// it backs off as a failed open does: not a reopen every half second
		CPPUNIT_ASSERT(_provider->stats().channels[fakeprovider::FakeProvider::CHANNEL_SD].total <= 10);

		_provider->setOversizedPes(fakeprovider::FakeProvider::CHANNEL_SD, false);
		_host->waitForState("live", 20);
	}

	void testBitRateBeyondTheCapEndsTheSession()
	{
		startHost({{"live.maxBitRate", "4"}});
		_provider->setBitRate(fakeprovider::FakeProvider::CHANNEL_SD, 20);
		const auto starting = Clock::now();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fakeprovider::FakeProvider::CHANNEL_SD).status);
		Poco::JSON::Object::Ptr status;
		do
		{
			status = _host->status();
			if (status->optValue<std::string>("error_code", "") == "too_large") break;
			sleepMs(100);
		} while (millisecondsSince(starting) < 15000);
		std::cout << "\n[figure] 20 Mbit/s against live.maxBitRate=4: " << status->optValue<std::string>("error", "") << " after "
				  << millisecondsSince(starting) << " ms" << std::endl;
		CPPUNIT_ASSERT_MESSAGE(text(status) + "\n" + _host->log(), status->optValue<std::string>("error_code", "") == "too_large");
		CPPUNIT_ASSERT_MESSAGE(text(status), contains(status->optValue<std::string>("error", ""), "live.maxBitRate"));

		_provider->setBitRate(fakeprovider::FakeProvider::CHANNEL_SD, 0);
		_host->waitForState("live", 20);
	}

	void startHost(std::map<std::string, std::string> settings = {})
	{
		settings.emplace("plugins.load", "auth-jwt, source-xtream, output-hls");
		settings.emplace("live.retryDelay", "500");
		settings.emplace("live.maxRetryDelay", "4");
		settings.emplace("live.readTimeout", std::to_string(readTimeoutSeconds));
		settings.emplace("live.maxFailures", "20");
		_host.reset(new SignedInHost(SignedInHost::withXtream(
			settings, _provider->baseUrl(), _provider->options().username, _provider->options().password)));
	}

	int openConnections(int channel) const
	{
		const auto stats = _provider->stats();
		const auto found = stats.channels.find(channel);
		return found == stats.channels.end() ? 0 : found->second.open;
	}

	static int busiestSecond(const std::vector<Poco::Timestamp>& times)
		/// The most requests within any window of one second.
	{
		int busiest = 0;
		for (std::size_t i = 0; i < times.size(); ++i)
		{
			int count = 0;
			for (std::size_t j = i; j < times.size() && times[j] - times[i] < Poco::Timestamp::resolution(); ++j) ++count;
			busiest = std::max(busiest, count);
		}
		return busiest;
	}

	std::string makeTestStream(int seconds, const std::string& timestampOffset)
		/// An MPEG-TS file of H.264 (a keyframe every 2 s, the first frame one) and AAC,
		/// its timestamps shifted by timestampOffset seconds.
	{
		const std::string path = temporaryFile(".ts");
		int exitCode = 0;
		run("ffmpeg", {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i",
			"sine=frequency=440:sample_rate=48000", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50",
			"-keyint_min", "50", "-sc_threshold", "0", "-c:a", "aac", "-t", std::to_string(seconds), "-output_ts_offset", timestampOffset,
			"-f", "mpegts", path},
			exitCode);
		CPPUNIT_ASSERT_EQUAL_MESSAGE("ffmpeg could not make the test stream", 0, exitCode);
		return path;
	}

	static constexpr int fileChannelId = 999;

	void serveFile(const std::string& file, int seconds)
		/// The fake provider again, with a channel (fileChannelId) whose stream is file, sent at twice its
		/// real-time byte rate, then closed; a host on it, and that channel started.
	{
		fakeprovider::ProviderOptions options;
		options.fileChannels[fileChannelId] = {file, 2 * static_cast<double>(Poco::File(file).getSize()) / seconds};
		_provider.reset(new fakeprovider::FakeProvider(options));
		_provider->start();
		startHost();
		CPPUNIT_ASSERT_EQUAL(200, _host->startStream(fileChannelId).status);
	}

	struct Session
	{
		std::map<Poco::UInt64, std::string> segments;  /// by media sequence number: the first session's, then the next's first
		double firstSessionSeconds = 0;                /// EXTINF total of the first session's segments
	};

	Session collectFirstSession()
		/// Fetches every segment of the channel's first upstream session and the first
		/// segment of the next (the panel closes at the end of its file; restream reconnects).
	{
		Session session;
		std::map<Poco::UInt64, PlaylistSegment> listed;
		Poco::UInt64 secondSession = 0;
		const auto started = Clock::now();
		while (secondSession == 0 && millisecondsSince(started) < 30000)
		{
			const Playlist playlist = parsePlaylist(_host->request("GET", "api", "/live.m3u8").body);
			for (const auto& segment : playlist.segments)
			{
				if (session.segments.count(segment.sequence)) continue;
				const HttpResult media = _host->request("GET", "api", "/" + segment.uri);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(segment.uri, 200, media.status);
				session.segments[segment.sequence] = media.body;
				listed[segment.sequence] = segment;
				if (segment.discontinuity && listed.size() > 1) secondSession = segment.sequence;
			}
			sleepMs(100);
		}
		CPPUNIT_ASSERT_MESSAGE("restream never reconnected after the end of the file\n" + _host->log(), secondSession != 0);
		CPPUNIT_ASSERT_MESSAGE("a segment was missed", listed.rbegin()->first - listed.begin()->first + 1 == listed.size());
		for (const auto& entry : listed)
		{
			if (entry.first >= secondSession) break;
			CPPUNIT_ASSERT_MESSAGE("a discontinuity inside the first session", entry.first == listed.begin()->first || !entry.second.discontinuity);
			session.firstSessionSeconds += entry.second.duration;
		}
		return session;
	}

	std::string temporaryFile(const std::string& extension)
	{
		const std::string path = Poco::TemporaryFile::tempName() + extension;
		_files.push_back(path);
		return path;
	}

	std::unique_ptr<fakeprovider::FakeProvider> _provider;
	std::unique_ptr<SignedInHost> _host;
	std::vector<std::string> _files;
};

CPPUNIT_TEST_SUITE_REGISTRATION(RecoveryTest);
