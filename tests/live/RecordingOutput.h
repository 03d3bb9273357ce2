//
// RecordingOutput.h
//
// An output whose sinks record what the host gives them.
//

#ifndef restream_test_RecordingOutput_INCLUDED
#define restream_test_RecordingOutput_INCLUDED

#include "restream/Output.h"
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace restream::test {

struct RecordedPacket
{
	int track = 0;
	long long dts = 0;
	long long pts = 0;
	long long duration = 0;
	bool keyframe = false;
	int run = 0; /// how many begin() calls came before it
};

struct RecordedFormat
	/// What a begin() was given, in short.
{
	AVCodecID video = AV_CODEC_ID_NONE;
	int width = 0;
	int height = 0;
	AVCodecID audio = AV_CODEC_ID_NONE; /// NONE: no audio track
	int sampleRate = 0;
};

class RecordingSink : public ChannelSink
	/// Records begin(), write() and end(). Threads: as ChannelSink; the
	/// accessors from any thread.
{
public:
	bool begin(const ChannelFormat& format) override;
	bool write(const AVPacket& packet) override;
	void end() override;
	bool playable() const override;
	int viewers() const override;
	Poco::UInt64 bytesServed() const override;

	int begins() const;
	std::vector<RecordedFormat> formats() const;
		/// One per begin(), in order.
	bool ended() const;
	std::vector<RecordedPacket> packets() const;
	bool waitForPackets(std::size_t count, int milliseconds) const;
	bool waitForBegins(int count, int milliseconds) const;
	bool waitForEnd(int milliseconds) const;

private:
	mutable std::mutex _mutex;
	mutable std::condition_variable _changed;
	int _begins = 0;
	std::vector<RecordedFormat> _formats;
	bool _ended = false;
	std::vector<RecordedPacket> _packets;
};

class RecordingOutput : public Output
	/// Keeps every sink it made: per channel (in order) and for the program.
{
public:
	std::shared_ptr<ChannelSink> createSink(const ChannelInfo& channel) override;
	std::shared_ptr<ChannelSink> createProgramSink() override;

	std::shared_ptr<RecordingSink> latest(Poco::Int64 streamId) const;
		/// The newest sink of streamId (0: the program), or null.
	int made(Poco::Int64 streamId) const;

private:
	mutable std::mutex _mutex;
	std::map<Poco::Int64, std::vector<std::shared_ptr<RecordingSink>>> _sinks;
};

} // namespace restream::test

#endif // restream_test_RecordingOutput_INCLUDED
