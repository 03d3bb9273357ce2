//
// DemoProducer.h
//
// The packets of one demo channel, generated, encoded and paced in process.
//

#ifndef sourcedemo_DemoProducer_INCLUDED
#define sourcedemo_DemoProducer_INCLUDED

#include "AVPointer.h"
#include "DemoChannel.h"
#include "SyntheticTrack.h"
#include "restream/PacketProducer.h"
#include <array>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

namespace sourcedemo {

class DemoProducer : public restream::PacketProducer
	/// Plays a DemoChannel live: track 0 is H.264 (libx264, yuv420p, Main
	/// profile at most: Constrained Baseline with preset ultrafast; a
	/// keyframe every 2 s exactly, SPS/PPS in band, no B-frames),
	/// track 1 is AAC (FFmpeg's encoder, 48 kHz stereo, 128 kb/s).
	///
	/// read() gives the two tracks' packets in dts order, video first on a
	/// tie, with stream_index, duration and timestamps in TIME_BASE set; the
	/// first packet is a video keyframe at 0. Each packet is returned when
	/// it is due, with no lead: as long after the first packet, by the wall
	/// clock, as its dts is after the first packet's. A producer that falls
	/// behind (a busy machine) catches up by returning packets at once.
	///
	/// Frames are generated and encoded inside read(), on the caller's
	/// thread: about one frame's work per call.
	///
	/// Threads: read() from one thread at a time; interrupt() from any.
	/// Errors: the constructor throws Poco::Exception (the encoder or a
	/// filter is missing, bad settings); read() returns an AVERROR and never
	/// throws.
{
public:
	DemoProducer(const DemoChannel& channel, const std::string& videoPreset);
		/// Builds the channel's filter graphs and opens its encoders;
		/// nothing runs until read(). videoPreset is libx264's ("veryfast").

	const restream::ChannelFormat& format() const override;
		/// Two tracks, in TIME_BASE. The parameters belong to the producer.

	int read(AVPacket& packet) override;
		/// Returns 0 with the next packet when it is due, AVERROR_EXIT once
		/// interrupt() was called (then at every call), or the AVERROR of a
		/// failed encoding.

	void interrupt() override;
		/// Wakes a read() that waits for its packet's time; it and every
		/// later read() return AVERROR_EXIT.

	static const AVRational TIME_BASE;
		/// 1/90000, MPEG-TS's clock: both tracks' packets are in it.

	static const int KEYFRAME_INTERVAL = 2;
		/// Seconds between video keyframes, so that an HLS output can cut
		/// 2 s segments.

	enum TrackIndex
	{
		VIDEO = 0,
		AUDIO = 1
	};

private:
	int nextTrack();
		/// The track whose next packet comes first, after making sure every
		/// track has one waiting; or an AVERROR.

	bool waitUntilDue(int64_t dts);
		/// Sleeps until the packet of that dts is due. False if interrupted.

	std::array<std::unique_ptr<SyntheticTrack>, 2> _tracks;
	std::array<AVPointer<AVPacket, av_packet_free>, 2> _waiting; /// the next packet of each track, empty if none yet
	restream::ChannelFormat _format;

	std::mutex _mutex;
	std::condition_variable _wakeUp;
	bool _interrupted = false;                    /// under _mutex

	bool _started = false;                        /// the first packet was returned
	std::chrono::steady_clock::time_point _start; /// when
	int64_t _startDts = 0;                        /// its dts
};

} // namespace sourcedemo

#endif // sourcedemo_DemoProducer_INCLUDED
