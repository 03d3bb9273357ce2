//
// PartSegment.h
//
// One media segment of the low-latency rendition, as its parts come.
//

#ifndef outputhls_PartSegment_INCLUDED
#define outputhls_PartSegment_INCLUDED

#include "Part.h"
#include <Poco/Timestamp.h>
#include <Poco/Types.h>
#include <memory>
#include <string>
#include <vector>

namespace outputhls {

struct PartSegment
	/// A segment of a PartPlaylist: open while its parts come, complete (its
	/// bytes the concatenation of its parts) once the next segment starts or
	/// the run ends. A value type.
{
	Poco::UInt64 sequence = 0;
	Poco::UInt64 discontinuitySequence = 0;  /// discontinuities up to and including it
	bool discontinuity = false;              /// the first of a run, but the playlist's very first
	Poco::UInt64 run = 0;                    /// names its init segment
	Poco::Timestamp programDateTime;         /// its first part's, never before the previous segment's end
	Poco::Int64 duration = 0;                /// the sum of its parts', microseconds
	std::vector<Part> parts;
	std::shared_ptr<const std::string> bytes; /// set once complete
};

} // namespace outputhls

#endif // outputhls_PartSegment_INCLUDED
