//
// MediaPlaylist.h
//
// The text of a live HLS media playlist.
//

#ifndef restream_hls_MediaPlaylist_INCLUDED
#define restream_hls_MediaPlaylist_INCLUDED

#include "Segment.h"
#include <cstddef>
#include <deque>
#include <string>

namespace restream {
namespace hls {

class MediaPlaylist
	/// Renders a live media playlist (RFC 8216, version 3): a sliding window
	/// without #EXT-X-ENDLIST, with #EXT-X-PROGRAM-DATE-TIME on every segment
	/// and #EXT-X-DISCONTINUITY(-SEQUENCE) where the timeline broke.
	/// Stateless; any thread.
{
public:
	static std::string render(const std::deque<Segment>& segments, std::size_t windowSize, int targetDuration,
		const std::string& segmentFolder);
		/// The playlist of the last windowSize of segments (oldest first, at
		/// least one), whose URIs are segmentFolder + name.
		/// #EXT-X-DISCONTINUITY-SEQUENCE appears once any discontinuity is
		/// in the window or has left it.

	static int targetDuration(Poco::Int64 duration);
		/// The #EXT-X-TARGETDURATION a segment of duration microseconds
		/// needs: whole seconds, rounded up (after rounding to the
		/// millisecond the playlist prints), at least 1.

	static std::string seconds(Poco::Int64 duration);
		/// duration in microseconds as seconds with three decimals ("2.000"),
		/// independent of the locale.
};

} // namespace hls
} // namespace restream

#endif // restream_hls_MediaPlaylist_INCLUDED
