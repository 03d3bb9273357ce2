//
// SlateShape.h
//

#ifndef restream_host_SlateShape_INCLUDED
#define restream_host_SlateShape_INCLUDED

#include "restream/ChannelFormat.h"

namespace restream::host {

struct SlateShape
	/// What a slate must match so that players take it like the channel's
	/// own media: the picture's size and H.264 profile, and whether there is
	/// audio and at which rate and channel count. A value type.
{
	int width = 1280;
	int height = 720;
	int profile = 100;     /// H.264 profile_idc: 66 baseline, 77 main, 100 high
	bool audio = false;
	int sampleRate = 48000;
	int channels = 2;

	static SlateShape of(const ChannelFormat& format, const SlateShape& known);
		/// The shape of a channel's format (track 0 video, track 1 audio);
		/// a size or rate it does not state (a probe that found no picture
		/// size) keeps known's: the shape of the channel's previous run.

	static SlateShape of(const ChannelFormat& format);
		/// The same, with the defaults above for what it does not state.

	bool operator==(const SlateShape& other) const;
	bool operator!=(const SlateShape& other) const;
};

} // namespace restream::host

#endif // restream_host_SlateShape_INCLUDED
