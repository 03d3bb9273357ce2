//
// LiveInput.h
//

#ifndef restream_host_LiveInput_INCLUDED
#define restream_host_LiveInput_INCLUDED

#include "restream/ChannelFormat.h"
#include <string>

extern "C" {
#include <libavcodec/packet.h>
}

namespace restream::host {

class LiveInput
	/// One open upstream of a live channel, already reduced to what outputs
	/// take: track 0 video, track 1 (optional) AAC audio, in the time bases
	/// format() gives. Packets come in the source's order; timestamps may
	/// start anywhere, wrap or jump (the ChannelPipeline straightens them).
	/// Owned and read by one pipeline thread; interrupt() from any thread.
{
public:
	virtual ~LiveInput() = default;

	virtual const ChannelFormat& format() const = 0;
		/// The tracks; valid for the input's life.

	virtual int read(AVPacket& packet) = 0;
		/// Fills packet (the caller unreferences it): 0, or an AVERROR
		/// (AVERROR_EXIT once interrupted, AVERROR_EOF at the end).

	virtual void interrupt() = 0;
		/// Makes a blocked read() return promptly.

	virtual std::string describe(int error) const = 0;
		/// An error read() returned, as a sentence for the admin (it ends up
		/// in /stream_status and the log): never a URL or a credential.

	virtual std::string errorCode(int error) const = 0;
		/// The same error as a ChannelErrors code.
};

} // namespace restream::host

#endif // restream_host_LiveInput_INCLUDED
