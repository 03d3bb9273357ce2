//
// DemoChannel.h
//
// One synthetic channel of the demo catalog.
//

#ifndef sourcedemo_DemoChannel_INCLUDED
#define sourcedemo_DemoChannel_INCLUDED

#include <Poco/Types.h>
#include <string>

namespace sourcedemo {

struct DemoChannel
	/// What a demo channel is called and what its picture and sound are, as
	/// libavfilter graphs that start with a source filter (the syntax of
	/// ffmpeg's -vf and -af, e.g. "testsrc2=size=640x360:rate=25"). The
	/// producer appends the pixel and sample formats its encoders want.
	/// A value type.
{
	static const int FRAME_RATE = 25;
		/// Every channel's video runs at this rate: the producer counts its
		/// 2 s keyframe interval in frames of it.

	Poco::Int64 streamId = 0;  /// stable: it is in players' favourites
	std::string name;          /// UTF-8
	std::string categoryId;    /// one of DemoSource's categories
	std::string video;         /// the picture's filter graph, at FRAME_RATE
	std::string audio;         /// the sound's filter graph
	std::string videoBitRate;  /// as ffmpeg's -b:v, e.g. "800k"
};

} // namespace sourcedemo

#endif // sourcedemo_DemoChannel_INCLUDED
