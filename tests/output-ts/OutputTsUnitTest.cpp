//
// OutputTsUnitTest.cpp
//
// Unit tests of output-ts: its paths, its ring, its muxer (fed real H.264 +
// AAC made by the ffmpeg CLI, its output parsed packet by packet and decoded
// by ffmpeg) and the fan-out of one channel to its viewers.
//

#include "RecordedResponse.h"
#include "TestStream.h"
#include "TsChannel.h"
#include "TsDirectory.h"
#include "TsMuxer.h"
#include "TsPaths.h"
#include "TsProbe.h"
#include "TsRing.h"
#include "restream/ChannelException.h"
#include <atomic>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <chrono>
#include <memory>
#include <thread>
#include <string>
#include <vector>

using outputts::TsChannel;
using outputts::TsDirectory;
using outputts::TsMuxer;
using outputts::TsPaths;
using outputts::TsRing;
using outputts::TsViewer;
using restream::ChannelFormat;
using restream::test::RecordedResponse;
using restream::test::TestStream;
using restream::test::TsProbe;

namespace {

const int VIDEO_PID = 0x100;

TsRing::Chunk chunkOf(std::size_t packets, char fill)
{
	return std::make_shared<const std::string>(packets * 188, fill);
}

struct Chunk
{
	std::string bytes;
	bool joinPoint = false;
};

class MuxerOutput
	/// A TsMuxer's chunks, kept in order.
{
public:
	TsMuxer::Listener listener()
	{
		return [this](TsRing::Chunk chunk, bool joinPoint) { chunks.push_back(Chunk{*chunk, joinPoint}); };
	}

	std::string all() const
	{
		std::string bytes;
		for (const auto& chunk : chunks) bytes += chunk.bytes;
		return bytes;
	}

	std::vector<Chunk> chunks;
};

class SinkFeed : public restream::ChannelSink
	/// Feeds a TsMuxer as a sink would, so that TestStream can drive it.
{
public:
	explicit SinkFeed(TsMuxer& muxer):
		_muxer(muxer)
	{
	}

	bool begin(const ChannelFormat& format) override
	{
		_muxer.begin(format);
		return true;
	}

	bool write(const AVPacket& packet) override
	{
		_muxer.write(packet);
		return true;
	}

	void end() override
	{
		_muxer.finish();
	}

	bool playable() const override
	{
		return true;
	}

	int viewers() const override
	{
		return 0;
	}

	Poco::UInt64 bytesServed() const override
	{
		return 0;
	}

private:
	TsMuxer& _muxer;
};

class RefusingResponse : public RecordedResponse
	/// A viewer's connection that stops taking chunks after limit bytes,
	/// as the host's does for a viewer too far behind.
{
public:
	explicit RefusingResponse(std::size_t limit):
		_limit(limit)
	{
	}

	bool write(std::shared_ptr<const std::string> chunk) override
	{
		if (_taken + chunk->size() > _limit)
		{
			_refused = true;
			return false;
		}
		_taken += chunk->size();
		return RecordedResponse::write(std::move(chunk));
	}

	bool isOpen() const override
	{
		return !_refused && RecordedResponse::isOpen();
	}

private:
	const std::size_t _limit;
	std::size_t _taken = 0;
	bool _refused = false;
};

class StubLease : public restream::ChannelLease
	/// A lease whose activity the test sets, and which says when it goes.
{
public:
	StubLease(std::shared_ptr<std::atomic<bool>> active, std::shared_ptr<std::atomic<int>> alive):
		_active(std::move(active)),
		_alive(std::move(alive))
	{
		++*_alive;
	}

	~StubLease() override
	{
		--*_alive;
	}

	Poco::Int64 streamId() const override
	{
		return 101;
	}

	bool active() const override
	{
		return *_active;
	}

private:
	std::shared_ptr<std::atomic<bool>> _active;
	std::shared_ptr<std::atomic<int>> _alive;
};

class StubChannels : public restream::Channels
	/// Only what TsDirectory asks: the program and a channel's status.
{
public:
	std::vector<restream::ChannelStatus> list() const override
	{
		return {};
	}

	bool status(Poco::Int64, restream::ChannelStatus& status) const override
	{
		status.error = error;
		status.errorCode = errorCode;
		return !error.empty();
	}

	void start(Poco::Int64, const std::string&) override
	{
	}

	bool stop(Poco::Int64, const std::string&) override
	{
		return false;
	}

	std::unique_ptr<restream::ChannelLease> acquire(Poco::Int64, const std::string&) override
	{
		active = std::make_shared<std::atomic<bool>>(true);
		return std::make_unique<StubLease>(active, alive);
	}

	int capacity() const override
	{
		return 1;
	}

	Poco::Int64 program() const override
	{
		return onAir;
	}

	void setProgram(Poco::Int64, const std::string&) override
	{
	}

	std::unique_ptr<restream::Subscription> subscribe(std::function<void(const restream::ChannelEvent&)>) override
	{
		return nullptr;
	}

	std::string error;
	std::string errorCode;
	Poco::Int64 onAir = 0;
	std::shared_ptr<std::atomic<bool>> active; /// the last lease's
	std::shared_ptr<std::atomic<int>> alive = std::make_shared<std::atomic<int>>(0);
};

std::string writeTemporary(const std::string& bytes)
{
	const std::string path = Poco::TemporaryFile::tempName() + ".ts";
	Poco::TemporaryFile::registerForDeletion(path);
	Poco::FileOutputStream file(path);
	file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
	file.close();
	return path;
}

std::string decodeErrors(const std::string& bytes)
	/// What `ffmpeg -v error` says while decoding bytes (empty when clean).
{
	int status = 0;
	const std::string output =
		TestStream::run("timeout", {"60", "ffmpeg", "-nostdin", "-v", "error", "-i", writeTemporary(bytes), "-f", "null", "-"}, status);
	return status == 0 ? output : "exit status " + std::to_string(status) + ": " + output;
}

void assertStartsAtJoinPoint(const std::string& bytes)
	/// PAT, then PMT, then the start of a video PES flagged random access.
{
	const TsProbe probe(bytes);
	CPPUNIT_ASSERT(probe.aligned);
	CPPUNIT_ASSERT(probe.packets.size() >= 3);
	CPPUNIT_ASSERT_EQUAL(0, probe.packets[0].pid);
	CPPUNIT_ASSERT(probe.packets[0].unitStart);
	CPPUNIT_ASSERT(probe.pmtPid > 0);
	CPPUNIT_ASSERT_EQUAL(probe.pmtPid, probe.packets[1].pid);
	CPPUNIT_ASSERT(probe.packets[1].unitStart);
	std::size_t i = 2;
	while (i < probe.packets.size() && probe.packets[i].pid == 0x11) ++i; // an SDT may come along
	CPPUNIT_ASSERT(i < probe.packets.size());
	CPPUNIT_ASSERT_EQUAL(VIDEO_PID, probe.packets[i].pid);
	CPPUNIT_ASSERT(probe.packets[i].unitStart);
	CPPUNIT_ASSERT(probe.packets[i].randomAccess);
}

std::string afterSdt(const std::string& bytes)
	/// bytes without the SDT packets a new muxer writes before its first PAT.
{
	std::size_t at = 0;
	while (at + 188 <= bytes.size() && TsProbe(bytes.substr(at, 188)).packets.at(0).pid == 0x11) at += 188;
	return bytes.substr(at);
}

std::size_t keyframes(const std::string& bytes)
{
	std::size_t count = 0;
	for (const auto& packet : TsProbe(bytes).packets)
		if (packet.pid == VIDEO_PID && packet.unitStart && packet.randomAccess) ++count;
	return count;
}

} // namespace

class OutputTsUnitTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputTsUnitTest);
	CPPUNIT_TEST(testPaths);
	CPPUNIT_TEST(testRingWraps);
	CPPUNIT_TEST(testRingDropsAReaderAWholeRingBehind);
	CPPUNIT_TEST(testRingKeepsTheNewestJoinPoint);
	CPPUNIT_TEST(testMuxerChunksAndJoinPoints);
	CPPUNIT_TEST(testMuxerGoesOnAcrossCompatibleBegins);
	CPPUNIT_TEST(testMuxerRemadeForOtherTracksStaysOneStream);
	CPPUNIT_TEST(testLateViewerStartsAtTheLastKeyframe);
	CPPUNIT_TEST(testSlowViewerDroppedOthersServed);
	CPPUNIT_TEST(testViewerEndsWhenItsLeaseIsTaken);
	CPPUNIT_TEST(testWaitingViewers);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPaths()
	{
		Poco::Int64 id = 0;
		CPPUNIT_ASSERT(TsPaths::parseChannel("/stream/101.ts", id));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(101), id);
		CPPUNIT_ASSERT(TsPaths::parseChannel("/stream/999999999999999999.ts", id));
		for (const char* bad : {"/stream/.ts", "/stream/0.ts", "/stream/0101.ts", "/stream/-1.ts", "/stream/101.m3u8", "/stream/101",
				 "/stream/101.ts/", "/stream/1/2.ts", "/stream/%31.ts", "/stream/1000000000000000000.ts", "/streams/101.ts",
				 "/stream/101.tsx", "/stream/../101.ts"})
			CPPUNIT_ASSERT_MESSAGE(bad, !TsPaths::parseChannel(bad, id));
	}

	void testRingWraps()
	{
		TsRing ring(10 * 188);
		for (int i = 0; i < 7; ++i) ring.append(chunkOf(3, static_cast<char>('a' + i)), false);
		// 21 packets appended, 10 fit: the oldest whole chunks went, the newest three stay
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(4), ring.first());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(7), ring.next());
		CPPUNIT_ASSERT_EQUAL(std::size_t(9 * 188), ring.bytes());
		Poco::UInt64 cursor = 4;
		std::vector<TsRing::Chunk> chunks;
		CPPUNIT_ASSERT(ring.read(cursor, chunks) == TsRing::Read::Ok);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), chunks.size());
		CPPUNIT_ASSERT_EQUAL('e', chunks[0]->front());
		CPPUNIT_ASSERT_EQUAL('g', chunks[2]->front());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(7), cursor);
		// a reader at the head reads nothing until more comes, then just that
		chunks.clear();
		CPPUNIT_ASSERT(ring.read(cursor, chunks) == TsRing::Read::Ok && chunks.empty());
		ring.append(chunkOf(1, 'h'), false);
		CPPUNIT_ASSERT(ring.read(cursor, chunks) == TsRing::Read::Ok);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), chunks.size());
		CPPUNIT_ASSERT_EQUAL('h', chunks[0]->front());
		// a chunk larger than the ring stays alone
		ring.append(chunkOf(20, 'i'), false);
		CPPUNIT_ASSERT_EQUAL(ring.next() - 1, ring.first());
		CPPUNIT_ASSERT_EQUAL(std::size_t(20 * 188), ring.bytes());
		// empty chunks are not chunks
		const Poco::UInt64 next = ring.next();
		ring.append(std::make_shared<const std::string>(), false);
		ring.append(nullptr, true);
		CPPUNIT_ASSERT_EQUAL(next, ring.next());
	}

	void testRingDropsAReaderAWholeRingBehind()
	{
		TsRing ring(4 * 188);
		Poco::UInt64 slow = 0;
		Poco::UInt64 fast = 0;
		std::vector<TsRing::Chunk> chunks;
		ring.append(chunkOf(2, 'a'), false);
		ring.append(chunkOf(2, 'b'), false);
		CPPUNIT_ASSERT(ring.read(fast, chunks) == TsRing::Read::Ok);
		ring.append(chunkOf(2, 'c'), false); // 'a' goes: slow has not read it
		chunks.clear();
		CPPUNIT_ASSERT(ring.read(fast, chunks) == TsRing::Read::Ok);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), chunks.size());
		chunks.clear();
		CPPUNIT_ASSERT(ring.read(slow, chunks) == TsRing::Read::Overrun);
		CPPUNIT_ASSERT(chunks.empty());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), slow);
	}

	void testRingKeepsTheNewestJoinPoint()
	{
		TsRing ring(6 * 188);
		Poco::UInt64 join = 99;
		ring.append(chunkOf(1, 'a'), false);
		CPPUNIT_ASSERT(!ring.joinPoint(join));
		ring.append(chunkOf(1, 'b'), true);
		ring.append(chunkOf(1, 'c'), false);
		CPPUNIT_ASSERT(ring.joinPoint(join));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), join);
		ring.append(chunkOf(1, 'd'), true);
		CPPUNIT_ASSERT(ring.joinPoint(join));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(3), join);
		// the newest join point leaves with its chunk: none until the next
		ring.append(chunkOf(3, 'e'), false);
		ring.append(chunkOf(3, 'f'), false);
		CPPUNIT_ASSERT(ring.first() > 3);
		CPPUNIT_ASSERT(!ring.joinPoint(join));
		ring.append(chunkOf(1, 'g'), true);
		CPPUNIT_ASSERT(ring.joinPoint(join));
		CPPUNIT_ASSERT_EQUAL(ring.next() - 1, join);
	}

	void testMuxerChunksAndJoinPoints()
	{
		TestStream stream(50, 12);
		MuxerOutput output;
		TsMuxer muxer(output.listener());
		SinkFeed feed(muxer);
		stream.feed(feed);
		feed.end();
		CPPUNIT_ASSERT(!output.chunks.empty());
		std::size_t joinPoints = 0;
		for (const auto& chunk : output.chunks)
		{
			CPPUNIT_ASSERT(!chunk.bytes.empty());
			CPPUNIT_ASSERT(TsProbe(chunk.bytes).aligned);
			if (!chunk.joinPoint) continue;
			++joinPoints;
			assertStartsAtJoinPoint(chunk.bytes);
		}
		const std::string all = output.all();
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), keyframes(all)); // 12 s, a keyframe every 2 s
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), joinPoints);
		assertStartsAtJoinPoint(afterSdt(all));
		const TsProbe probe(all);
		CPPUNIT_ASSERT_EQUAL(0, probe.continuityErrors());
		CPPUNIT_ASSERT_EQUAL(std::string(), decodeErrors(all));
		CPPUNIT_ASSERT_EQUAL(1, muxer.muxersMade());
	}

	void testMuxerGoesOnAcrossCompatibleBegins()
	{
		// a reconnect: begin() again with the same tracks, timestamps continuing
		TestStream stream(50, 6);
		MuxerOutput output;
		TsMuxer muxer(output.listener());
		SinkFeed feed(muxer);
		for (int run = 0; run < 3; ++run) stream.feed(feed);
		feed.end();
		CPPUNIT_ASSERT_EQUAL(1, muxer.muxersMade());
		const std::string all = output.all();
		const TsProbe probe(all);
		CPPUNIT_ASSERT(probe.aligned);
		CPPUNIT_ASSERT_EQUAL(0, probe.continuityErrors());
		for (const auto& packet : probe.packets) CPPUNIT_ASSERT(!packet.discontinuity);
		CPPUNIT_ASSERT_EQUAL(std::string(), decodeErrors(all));
		int status = 0;
		const std::string duration = TestStream::run(
			"ffprobe", {"-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", writeTemporary(all)}, status);
		CPPUNIT_ASSERT_DOUBLES_EQUAL(3 * 6.0, std::stod(duration), 0.5);
	}

	void testMuxerRemadeForOtherTracksStaysOneStream()
	{
		// a program switch to a channel whose audio differs: a new muxer, the same valid stream
		TestStream stream(50, 6);
		MuxerOutput output;
		TsMuxer muxer(output.listener());
		SinkFeed feed(muxer);
		stream.feed(feed);
		AVCodecParameters* otherAudio = avcodec_parameters_alloc();
		CPPUNIT_ASSERT(avcodec_parameters_copy(otherAudio, stream.format().tracks[1].parameters) >= 0);
		otherAudio->bit_rate += 1; // not a reason
		ChannelFormat same = stream.format();
		same.tracks[1].parameters = otherAudio;
		CPPUNIT_ASSERT(feed.begin(same));
		CPPUNIT_ASSERT_EQUAL(1, muxer.muxersMade());
		otherAudio->sample_rate = otherAudio->sample_rate == 48000 ? 44100 : 48000; // a reason
		ChannelFormat other = stream.format();
		other.tracks[1].parameters = otherAudio;
		const std::size_t before = output.all().size();
		CPPUNIT_ASSERT(feed.begin(other));
		CPPUNIT_ASSERT_EQUAL(2, muxer.muxersMade());
		stream.feed(feed, false);
		feed.end();
		avcodec_parameters_free(&otherAudio);

		const std::string all = output.all();
		const TsProbe probe(all);
		CPPUNIT_ASSERT(probe.aligned);
		CPPUNIT_ASSERT_EQUAL(0, probe.continuityErrors()); // the new counters are flagged discontinuous
		// the second muxer's tables have a new version; its first packet of each PID says discontinuity
		const TsProbe second(all.substr(before));
		const TsProbe secondTables(afterSdt(all.substr(before)));
		assertStartsAtJoinPoint(afterSdt(all.substr(before)));
		CPPUNIT_ASSERT_EQUAL(0, TsProbe(afterSdt(all)).packets.front().tableVersion);
		CPPUNIT_ASSERT_EQUAL(1, secondTables.packets.front().tableVersion);
		for (const auto& packet : second.packets)
		{
			if (packet.pid == VIDEO_PID) CPPUNIT_ASSERT(packet.discontinuity);
			if (packet.pid == VIDEO_PID) break;
		}
		CPPUNIT_ASSERT(secondTables.packets.front().discontinuity);
		CPPUNIT_ASSERT_EQUAL(std::string(), decodeErrors(all));
	}

	void testLateViewerStartsAtTheLastKeyframe()
	{
		TestStream stream(50, 12);
		TsChannel channel(101, 8 * 1024 * 1024, Poco::Logger::get("output-ts-test"));
		TsMuxer muxer([&](TsRing::Chunk chunk, bool joinPoint) { channel.publish(std::move(chunk), joinPoint); });
		SinkFeed feed(muxer);
		CPPUNIT_ASSERT(!channel.playable());
		CPPUNIT_ASSERT(feed.begin(stream.format()));
		stream.feedPart(feed, 0, stream.packetCount() / 2);
		CPPUNIT_ASSERT(channel.playable());

		auto early = std::make_shared<RecordedResponse>();
		auto late = std::make_shared<RecordedResponse>();
		auto viewer = std::make_unique<TsViewer>();
		viewer->response = early;
		CPPUNIT_ASSERT(channel.attach(viewer) == TsChannel::Attach::Attached);
		CPPUNIT_ASSERT(!viewer);
		stream.feedPart(feed, stream.packetCount() / 2, stream.packetCount() * 3 / 4);
		viewer = std::make_unique<TsViewer>();
		viewer->response = late;
		CPPUNIT_ASSERT(channel.attach(viewer) == TsChannel::Attach::Attached);
		CPPUNIT_ASSERT_EQUAL(2, channel.viewers());
		stream.feedPart(feed, stream.packetCount() * 3 / 4, stream.packetCount());
		feed.end();
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), channel.end().size());
		CPPUNIT_ASSERT_EQUAL(0, channel.viewers());

		CPPUNIT_ASSERT_EQUAL(200, late->status());
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), late->header("Content-Type"));
		CPPUNIT_ASSERT_EQUAL(std::string("no-store"), late->header("Cache-Control"));
		CPPUNIT_ASSERT(!late->isOpen());
		assertStartsAtJoinPoint(early->body());
		assertStartsAtJoinPoint(late->body());
		// the late one got the tail of what the early one got, from a keyframe on
		const std::string earlyBody = early->body();
		const std::string lateBody = late->body();
		CPPUNIT_ASSERT(lateBody.size() < earlyBody.size());
		CPPUNIT_ASSERT(earlyBody.compare(earlyBody.size() - lateBody.size(), lateBody.size(), lateBody) == 0);
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(earlyBody.size() + lateBody.size()), channel.bytesServed());
		CPPUNIT_ASSERT_EQUAL(std::string(), decodeErrors(lateBody));
	}

	void testSlowViewerDroppedOthersServed()
	{
		TestStream stream(50, 12);
		TsChannel channel(101, 8 * 1024 * 1024, Poco::Logger::get("output-ts-test"));
		TsMuxer muxer([&](TsRing::Chunk chunk, bool joinPoint) { channel.publish(std::move(chunk), joinPoint); });
		SinkFeed feed(muxer);
		CPPUNIT_ASSERT(feed.begin(stream.format()));
		stream.feedPart(feed, 0, 10);
		auto slow = std::make_shared<RefusingResponse>(64 * 1024);
		auto fast = std::make_shared<RecordedResponse>();
		for (const auto& response : std::vector<std::shared_ptr<RecordedResponse>>{slow, fast})
		{
			auto viewer = std::make_unique<TsViewer>();
			viewer->response = response;
			CPPUNIT_ASSERT(channel.attach(viewer) == TsChannel::Attach::Attached);
		}
		const std::size_t first = fast->body().size();
		CPPUNIT_ASSERT_EQUAL(2, channel.viewers());
		stream.feedPart(feed, 10, stream.packetCount());
		feed.end();
		CPPUNIT_ASSERT_EQUAL(1, channel.viewers());
		CPPUNIT_ASSERT(!slow->isOpen());
		CPPUNIT_ASSERT(slow->body().size() <= 64 * 1024);
		CPPUNIT_ASSERT(fast->body().size() > 10 * first);
		CPPUNIT_ASSERT(fast->isOpen());
		CPPUNIT_ASSERT_EQUAL(std::string(), decodeErrors(fast->body()));
		channel.end();
		CPPUNIT_ASSERT(!fast->isOpen());
	}

	void testViewerEndsWhenItsLeaseIsTaken()
	{
		StubChannels channels;
		auto directory = std::make_shared<TsDirectory>(channels, 8 * 1024 * 1024, Poco::Timespan(20, 0), Poco::Logger::get("output-ts-test"));
		auto channel = directory->open(101);
		channel->publish(chunkOf(3, 'a'), true);
		auto response = std::make_shared<RecordedResponse>();
		auto viewer = std::make_unique<TsViewer>();
		viewer->streamId = 101;
		viewer->response = response;
		viewer->lease = channels.acquire(101, "test");
		directory->serve(std::move(viewer));
		CPPUNIT_ASSERT_EQUAL(200, response->status());
		CPPUNIT_ASSERT_EQUAL(1, channel->viewers());
		directory->sweep();
		CPPUNIT_ASSERT(response->isOpen());
		CPPUNIT_ASSERT_EQUAL(1, channels.alive->load());
		*channels.active = false; // the admin took the connection, and the channel runs on for someone else
		directory->sweep();
		CPPUNIT_ASSERT(!response->isOpen());
		CPPUNIT_ASSERT_EQUAL(0, channel->viewers());
		CPPUNIT_ASSERT_EQUAL(0, channels.alive->load()); // released
		directory->closeAll();
	}

	void testWaitingViewers()
	{
		StubChannels channels;
		auto directory = std::make_shared<TsDirectory>(channels, 8 * 1024 * 1024, Poco::Timespan(0, 300000), Poco::Logger::get("output-ts-test"));
		const auto waiting = [&](Poco::Int64 streamId) {
			auto response = std::make_shared<RecordedResponse>();
			auto viewer = std::make_unique<TsViewer>();
			viewer->streamId = streamId;
			viewer->response = response;
			if (streamId != 0) viewer->lease = channels.acquire(streamId, "test");
			directory->serve(std::move(viewer));
			return response;
		};
		// a starting channel: served from its first join point on, not before
		auto channel = directory->open(101);
		auto first = waiting(101);
		channel->publish(chunkOf(2, 'a'), false);
		directory->adopt(channel);
		CPPUNIT_ASSERT_EQUAL(0, first->status());
		channel->publish(chunkOf(2, 'b'), true);
		directory->adopt(channel);
		CPPUNIT_ASSERT_EQUAL(200, first->status());
		CPPUNIT_ASSERT_EQUAL(std::string(2 * 188, 'b'), first->body());
		directory->close(channel);
		CPPUNIT_ASSERT(!first->isOpen());
		CPPUNIT_ASSERT_EQUAL(0, channels.alive->load());

		// a channel that fails: 503 with the channel's error once the wait is over, the lease released
		channels.error = "The provider answered HTTP 404 for the stream";
		channels.errorCode = "upstream_not_found";
		auto failing = waiting(102);
		auto taken = waiting(103);
		*channels.active = false; // 103's
		directory->sweep();
		CPPUNIT_ASSERT_EQUAL(503, taken->status()); // its lease was taken: at once
		CPPUNIT_ASSERT_EQUAL(std::string("10"), taken->header("Retry-After"));
		CPPUNIT_ASSERT_EQUAL(0, failing->status());
		std::this_thread::sleep_for(std::chrono::milliseconds(400));
		directory->sweep();
		CPPUNIT_ASSERT_EQUAL(503, failing->status());
		CPPUNIT_ASSERT_EQUAL(std::string("10"), failing->header("Retry-After"));
		CPPUNIT_ASSERT(failing->body().find("HTTP 404 for the stream") != std::string::npos);
		CPPUNIT_ASSERT(failing->body().find("upstream_not_found") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(0, channels.alive->load());

		// the program: 404 once there is none
		channels.onAir = 101;
		auto program = waiting(0);
		directory->sweep();
		CPPUNIT_ASSERT_EQUAL(0, program->status());
		channels.onAir = 0;
		directory->sweep();
		CPPUNIT_ASSERT_EQUAL(404, program->status());

		// stopping: waiting viewers get 503, later ones too
		auto last = waiting(104);
		directory->closeAll();
		CPPUNIT_ASSERT_EQUAL(503, last->status());
		CPPUNIT_ASSERT_EQUAL(503, waiting(105)->status());
		CPPUNIT_ASSERT_EQUAL(0, channels.alive->load());
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputTsUnitTest);
