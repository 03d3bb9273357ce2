//
// MediaPlaylist.h
//
// The text of a live HLS media playlist.
//

#ifndef outputhls_MediaPlaylist_INCLUDED
#define outputhls_MediaPlaylist_INCLUDED

#include "Segment.h"
#include <cstddef>
#include <deque>
#include <string>

namespace outputhls {

class MediaPlaylist
	/// Renders a live media playlist (RFC 8216, version 3): a sliding window
	/// with #EXT-X-PROGRAM-DATE-TIME on every segment,
	/// #EXT-X-DISCONTINUITY(-SEQUENCE) where the timeline broke, and
	/// #EXT-X-ENDLIST once the stream ended.
	/// Stateless; any thread.
{
public:
	static std::string render(const std::deque<Segment>& segments, std::size_t windowSize, int targetDuration,
		const std::string& segmentFolder, bool ended);
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

} // namespace outputhls

#endif // outputhls_MediaPlaylist_INCLUDED
