//
// PictureSize.h
//
// The size of a video picture, read from a keyframe when the probe missed it.
//

#ifndef outputhls_PictureSize_INCLUDED
#define outputhls_PictureSize_INCLUDED

extern "C" {
#include <libavcodec/codec_par.h>
#include <libavcodec/packet.h>
}

namespace outputhls {

class PictureSize
	/// Reads a video track's width and height from a keyframe's parameter
	/// sets (the H.264 or HEVC SPS) with FFmpeg's parser. A channel joined
	/// mid-GOP whose bounded probe ended before the first SPS has neither,
	/// and the mp4 muxer refuses a video track without them (the mpegts one
	/// does not care). Stateless; any thread.
{
public:
	static bool fill(AVCodecParameters& parameters, const AVPacket& keyframe);
		/// Sets parameters' width and height from keyframe when either is
		/// unknown (0) and the parser finds them. True when both are known
		/// afterwards. Does not throw.
};

} // namespace outputhls

#endif // outputhls_PictureSize_INCLUDED
