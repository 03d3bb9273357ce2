//
// PacketProducer.h
//
// A source that makes its packets itself instead of giving a URL to open.
//

#ifndef restream_PacketProducer_INCLUDED
#define restream_PacketProducer_INCLUDED

#include "restream/ChannelFormat.h"
#include "restream/Version.h"

extern "C" {
#include <libavcodec/packet.h>
}

namespace restream {

class RESTREAM_API PacketProducer
	/// The packets of one live channel, produced in process (the demo source
	/// generates and encodes them). Owned by the pipeline, which reads it from
	/// its own thread and deletes it when the channel stops.
	///
	/// The format must follow ChannelFormat's rule (H.264 video first,
	/// optional AAC audio second); packets are paced in real time.
	/// Threads: read() from the pipeline's thread; interrupt() from any.
	/// Errors: read() returns an AVERROR instead of throwing.
{
public:
	virtual ~PacketProducer() = default;

	virtual const ChannelFormat& format() const = 0;
		/// The tracks; valid for the producer's life.

	virtual int read(AVPacket& packet) = 0;
		/// Fills packet (the caller unreferences it) and returns 0; blocks
		/// until the next packet is due. Returns AVERROR_EXIT once interrupt()
		/// was called, AVERROR_EOF at the end, another AVERROR on failure.

	virtual void interrupt() = 0;
		/// Makes a blocked or later read() return AVERROR_EXIT promptly.
};

} // namespace restream

#endif // restream_PacketProducer_INCLUDED
