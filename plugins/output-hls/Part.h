//
// Part.h
//
// One complete fMP4 (CMAF) part of a low-latency rendition.
//

#ifndef outputhls_Part_INCLUDED
#define outputhls_Part_INCLUDED

#include <Poco/Timestamp.h>
#include <Poco/Types.h>
#include <memory>
#include <string>

namespace outputhls {

struct Part
	/// A part as the CmafSegmenter makes it: one fragment (moof + mdat) that
	/// a player appends after its run's init segment. A value type; the
	/// bytes are shared, never copied, by every viewer.
{
	std::shared_ptr<const std::string> data;
		/// The fragment's bytes: moof then mdat, with every track's samples
		/// written since the previous part.

	std::shared_ptr<const std::string> init;
		/// The init segment (ftyp + moov) of the part's run; the same pointer
		/// for every part of a run, a new one for each run.

	Poco::Int64 duration = 0;
		/// In microseconds, from the video decode times: the next part's
		/// first frame less its own, or the end of its last frame for the
		/// last part of a run.

	bool independent = false;
		/// It starts with a video keyframe (EXT-X-PART INDEPENDENT=YES).

	bool segmentStart = false;
		/// It is the first part of a media segment (always independent).

	bool discontinuity = false;
		/// It is the first part of a run that was not the segmenter's first.

	Poco::Timestamp programDateTime;
		/// The wall time of its first video frame (the run's MediaClock).
};

} // namespace outputhls

#endif // outputhls_Part_INCLUDED
