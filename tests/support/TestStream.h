//
// TestStream.h
//
// Real H.264 + AAC media for the output tests (output-ts, output-hls), made with the ffmpeg CLI.
//

#ifndef restream_test_TestStream_INCLUDED
#define restream_test_TestStream_INCLUDED

#include "restream/ChannelFormat.h"
#include "restream/ChannelSink.h"
#include <Poco/Types.h>
#include <string>
#include <vector>

extern "C" {
#include <libavformat/avformat.h>
}

namespace restream {
namespace test {

class TestStream
	/// An MPEG-TS file made by ffmpeg (testsrc2 320x180 at 25 fps through
	/// libx264 yuv420p with B-frames, a sine through AAC), demuxed into
	/// memory and fed to sinks the way the pipeline does: video track first,
	/// from the first video keyframe, durations filled in, dts strictly
	/// rising across feeds (each feed continues the timeline after the last).
	/// Not thread-safe.
{
public:
	TestStream(int gopFrames, int seconds);
		/// Generates (once per process and shape) and demuxes the media.
	~TestStream();
	TestStream(const TestStream&) = delete;
	TestStream& operator=(const TestStream&) = delete;

	const ChannelFormat& format() const;

	void feed(ChannelSink& sink, bool callBegin = true);
		/// begin() (unless told not to) then every packet, shifted to follow
		/// the previous feed. Asserts that the sink accepts them.

	void feedPart(ChannelSink& sink, std::size_t from, std::size_t to);
		/// Packets [from, to) of the current feed's timeline (no begin()).

	void nextFeed();
		/// Moves the timeline on for the next feedPart() run.

	std::size_t packetCount() const;
	double keyframeSpan() const;
		/// Seconds from the first to the last video keyframe.
	double videoDuration() const;
		/// Seconds from the first video frame to the end of the last one.
	Poco::Int64 firstVideoPts() const;
		/// The pts of the first video frame as fed in the first feed, 90 kHz.

	static std::string run(const std::string& command, const std::vector<std::string>& arguments, int& status);
		/// Runs a program (no shell) and returns its stdout and stderr.

private:
	static std::string generate(int gopFrames, int seconds);

	std::vector<AVCodecParameters*> _parameters;
	ChannelFormat _format;
	std::vector<AVPacket*> _packets;  // stream_index already mapped to the format's tracks
	Poco::Int64 _span = 0;            // 90 kHz, from the first video dts to the end of the last packet
	Poco::Int64 _offset = 0;          // 90 kHz, added to every timestamp of the current feed
};

} // namespace test
} // namespace restream

#endif // restream_test_TestStream_INCLUDED
