//
// Segment.h
//
// One complete MPEG-TS media segment.
//

#ifndef outputhls_Segment_INCLUDED
#define outputhls_Segment_INCLUDED

#include <Poco/Timestamp.h>
#include <Poco/Types.h>
#include <memory>
#include <string>

namespace outputhls {

struct Segment
	/// A segment as the Segmenter makes it and an HlsChannel publishes it.
	/// A value type; the bytes are shared, never copied, by every viewer.
{
	std::shared_ptr<const std::string> data;
		/// The MPEG-TS bytes, starting with PAT and PMT and a video keyframe.

	Poco::Int64 duration = 0;
		/// In microseconds, from the packets' timestamps (the #EXTINF).

	Poco::Timestamp programDateTime;
		/// The wall clock when its first packet arrived.

	bool discontinuity = false;
		/// True for the first segment after a begin() that was not the
		/// sink's first (and for a new sink of a channel that already had one).

	Poco::UInt64 sequence = 0;
		/// Its media sequence number; set by HlsChannel.

	Poco::UInt64 discontinuitySequence = 0;
		/// Its discontinuity sequence number (discontinuities up to and
		/// including it); set by HlsChannel.

	std::string name;
		/// Its file name, e.g. "3f9a0c1b2e-42.ts"; set by HlsChannel.
};

} // namespace outputhls

#endif // outputhls_Segment_INCLUDED
