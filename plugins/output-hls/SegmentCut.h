//
// SegmentCut.h
//
// Where both renditions cut their segments.
//

#ifndef outputhls_SegmentCut_INCLUDED
#define outputhls_SegmentCut_INCLUDED

#include <Poco/Types.h>

namespace outputhls {

class SegmentCut
	/// The one rule by which the MPEG-TS Segmenter and the CmafSegmenter
	/// cut segments, so that segment n of both renditions holds the same
	/// media: at a video keyframe, once the open segment has reached the
	/// target duration; a keyframe 5 % short of it also cuts (timestamps
	/// jitter: a 1.998 s GOP gives 2 s segments rather than 4 s). The first
	/// segment of a run is cut at the first keyframe from half the target on:
	/// a player's first playlist comes a GOP sooner where GOPs are short.
{
public:
	static bool due(Poco::Int64 elapsedMicroseconds, Poco::Int64 targetMicroseconds, bool firstOfRun)
		/// Whether a keyframe elapsedMicroseconds after the open segment's
		/// first one starts a new segment; firstOfRun: the open segment is
		/// its run's first.
	{
		const Poco::Int64 threshold = firstOfRun ? targetMicroseconds / 2 : targetMicroseconds - targetMicroseconds / 20;
		return elapsedMicroseconds >= threshold;
	}
};

} // namespace outputhls

#endif // outputhls_SegmentCut_INCLUDED
