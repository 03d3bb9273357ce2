//
// PlaybackPicker.cpp
//

#include "PlaybackPicker.h"

namespace outputhdhr {

std::string PlaybackPicker::channelUrl(const restream::PlaybackUrls& urls, Poco::Int64 streamId, const std::string& format,
	const restream::RouteRequest& request)
{
	for (auto& url : urls.channel(streamId, request))
		if (url.format == format) return std::move(url.url);
	return "";
}

} // namespace outputhdhr
