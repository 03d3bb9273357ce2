//
// ChannelSink.h
//
// What an output gives the pipeline for one live channel.
//

#ifndef restream_ChannelSink_INCLUDED
#define restream_ChannelSink_INCLUDED

#include "restream/ChannelFormat.h"
#include "restream/Version.h"
#include <Poco/Types.h>

extern "C" {
#include <libavcodec/packet.h>
}

namespace restream {

class RESTREAM_API ChannelSink
	/// One output's consumer of one live channel, or of the program. The
	/// host calls, one call at a time (from the channel's threads: its
	/// pipeline's, or its slate's while the provider is away; for a program
	/// sink, the on-air channel's), in this order:
	///   begin(format), write(packet)..., [begin(format), write(packet)...]..., end()
	/// A begin() after the first marks a discontinuity (a reconnect, a
	/// program switch, a slate): the output starts a new segment flagged as
	/// such; segments it already served stay valid.
	///
	/// Packets: the first packet after begin() is a video keyframe; dts rise
	/// strictly per track across the whole life of the sink, discontinuities
	/// included (the pipeline keeps the timeline monotonic, 33-bit wraps
	/// unwrapped); pts >= dts; durations are filled in.
	///
	/// Ownership: write() borrows the packet for the call; a sink that keeps
	/// data takes its own reference (av_packet_ref). The pipeline owns the
	/// sink through a shared_ptr and drops it after end().
	///
	/// Threads: begin, write and end one at a time, as said; playable() and
	/// the statistics from any thread.
	/// Errors: hot calls return false instead of throwing; a sink whose
	/// write() returns false is told end() and detached, and the channel runs
	/// on for the other outputs.
{
public:
	virtual ~ChannelSink() = default;

	virtual bool begin(const ChannelFormat& format) = 0;
	virtual bool write(const AVPacket& packet) = 0;
	virtual void end() = 0;

	virtual bool playable() const = 0;
		/// True once viewers can play the channel from this output (for HLS:
		/// the playlist has at least one complete segment).

	virtual int viewers() const = 0;
		/// Distinct viewers over the last while, as the output counts them.

	virtual Poco::UInt64 bytesServed() const = 0;
		/// Bytes sent to viewers since the sink began.
};

} // namespace restream

#endif // restream_ChannelSink_INCLUDED
