//
// TsSettings.h
//
// The settings of output-ts.
//

#ifndef outputts_TsSettings_INCLUDED
#define outputts_TsSettings_INCLUDED

#include <Poco/Timespan.h>
#include <cstddef>

namespace outputts {

struct TsSettings
	/// The plugin's configuration (plugins.output-ts.*), checked by the
	/// host against the declared types and bounds. A value type.
{
	std::size_t ringSize = 8 * 1024 * 1024;
		/// Bytes of MPEG-TS kept per channel (ringSize, in MiB): it must hold
		/// a whole GOP for a new viewer to start at once.

	Poco::Timespan startWait{20, 0};
		/// How long a viewer waits for a starting channel's first keyframe
		/// before 503 (startWait).
};

} // namespace outputts

#endif // outputts_TsSettings_INCLUDED
