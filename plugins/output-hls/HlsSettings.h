//
// HlsSettings.h
//
// The settings of output-hls.
//

#ifndef outputhls_HlsSettings_INCLUDED
#define outputhls_HlsSettings_INCLUDED

#include <Poco/Timespan.h>
#include <cstddef>
#include <string>

namespace outputhls {

struct HlsSettings
	/// The plugin's configuration (plugins.output-hls.*), checked by the
	/// host against the declared types and bounds. A value type.
{
	Poco::Timespan segmentDuration{2, 0};
		/// The target duration: a segment is cut at the first video keyframe
		/// once it is this long (segmentDuration).

	bool lowLatency = true;
		/// Whether every sink also cuts the low-latency rendition (LL-HLS,
		/// fMP4 parts); off, no CmafSegmenter runs and its URLs answer 404
		/// (lowLatency).

	Poco::Timespan partDuration{0, 330000};
		/// The low-latency rendition's part target: no part is longer
		/// (partDuration, EXT-X-PART-INF:PART-TARGET).

	std::size_t windowSize = 6;
		/// Segments listed in the playlist (windowSize).

	std::size_t keepSegments = 4;
		/// Segments still served after they left the playlist, for late
		/// downloaders (keepSegments).

	Poco::Timespan viewerWindow{30, 0};
		/// How long a request counts its client as a viewer (viewerWindow).

	Poco::Timespan endedGrace{30, 0};
		/// How long an ended playlist is still served, with EXT-X-ENDLIST,
		/// before it answers 404 (endedGrace).

	std::string stateDirectory;
		/// Where the sequence numbers are kept across restarts; empty: nowhere.
};

} // namespace outputhls

#endif // outputhls_HlsSettings_INCLUDED
