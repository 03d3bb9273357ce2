//
// HlsSettings.h
//
// The settings of the output-hls plugin, parsed.
//

#ifndef restream_hls_HlsSettings_INCLUDED
#define restream_hls_HlsSettings_INCLUDED

#include <Poco/Timespan.h>
#include <cstddef>

namespace restream {
namespace hls {

struct HlsSettings
	/// The plugin's configuration (plugins.output-hls.*) after validation
	/// by HlsPlugin. A value type.
{
	Poco::Timespan segmentDuration{2, 0};
		/// The target duration: a segment is cut at the first video keyframe
		/// once it is this long (segmentDuration).

	std::size_t windowSize = 6;
		/// Segments listed in the playlist (windowSize).

	std::size_t keepSegments = 4;
		/// Segments still served after they left the playlist, for late
		/// downloaders (keepSegments).

	Poco::Timespan viewerWindow{30, 0};
		/// How long a request counts its client as a viewer (viewerWindow).
};

} // namespace hls
} // namespace restream

#endif // restream_hls_HlsSettings_INCLUDED
