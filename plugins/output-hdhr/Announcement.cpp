//
// Announcement.cpp
//

#include "Announcement.h"

namespace outputhdhr {

Announcement::Announcement(const restream::PlaybackUrls& urls, const restream::Channels& channels,
	const restream::RouteRequest& request):
	_baseUrl(urls.portUrl("tuner", request)),
	_lineupUrl(_baseUrl + "/lineup.json"),
	_tunerCount(channels.capacity())
{
}

const std::string& Announcement::baseUrl() const
{
	return _baseUrl;
}

const std::string& Announcement::lineupUrl() const
{
	return _lineupUrl;
}

int Announcement::tunerCount() const
{
	return _tunerCount;
}

} // namespace outputhdhr
