//
// MemoryMuxer.h
//
// An FFmpeg muxer whose output goes to memory.
//

#ifndef outputhls_MemoryMuxer_INCLUDED
#define outputhls_MemoryMuxer_INCLUDED

#include "restream/ChannelFormat.h"
#include <string>

extern "C" {
#include <libavformat/avformat.h>
}

namespace outputhls {

class MemoryMuxer
	/// Owns an FFmpeg output context of one format with a stream per track
	/// (codec parameters copied, time base as given) and a custom
	/// AVIOContext that appends everything the muxer writes to a string, so
	/// nothing touches the disk. The segmenters cut that string into
	/// segments or parts.
	///
	/// Threads: one call at a time.
	/// Errors: the constructor and check() throw Poco::Exception (FFmpeg's
	/// message kept); the constructor frees what it made.
{
public:
	MemoryMuxer(const std::string& formatName, const restream::ChannelFormat& format, int bufferSize);
		/// Every track needs its codec parameters.
	~MemoryMuxer();
	MemoryMuxer(const MemoryMuxer&) = delete;
	MemoryMuxer& operator=(const MemoryMuxer&) = delete;

	AVFormatContext* context() const;

	void flush(const std::string& what);
		/// Makes the muxer write what it buffered (av_write_frame(nullptr),
		/// then the AVIO buffer); throws naming what on an error.

	std::string& bytes();
		/// What the muxer wrote and nobody took yet.

	std::string takeBytes();
		/// bytes(), leaving room for as much again.

	static void check(int result, const std::string& what);
		/// Throws Poco::IOException naming what when result is an AVERROR.

private:
	void free();
	static int appendBytes(void* opaque, uint8_t* data, int size);

	AVFormatContext* _context = nullptr;
	std::string _bytes;
};

} // namespace outputhls

#endif // outputhls_MemoryMuxer_INCLUDED
