//
// PlaybackPicker.h
//
// A channel's URL in one playback format, as the host hands it out.
//

#ifndef outputhdhr_PlaybackPicker_INCLUDED
#define outputhdhr_PlaybackPicker_INCLUDED

#include "restream/PlaybackUrls.h"
#include <string>

namespace outputhdhr {

class PlaybackPicker
	/// Picks from the host's PlaybackUrls (the forms other outputs register:
	/// output-ts's "ts" on the tuner port, output-hls's "hls"); this plugin
	/// never builds another output's URL itself.
	/// Stateless; any thread; nothing throws.
{
public:
	static std::string channelUrl(const restream::PlaybackUrls& urls, Poco::Int64 streamId, const std::string& format,
		const restream::RouteRequest& request);
		/// streamId's URL in format, empty when no loaded output serves it.
};

} // namespace outputhdhr

#endif // outputhdhr_PlaybackPicker_INCLUDED
