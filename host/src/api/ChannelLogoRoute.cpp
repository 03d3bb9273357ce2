//
// ChannelLogoRoute.cpp
//

#include "api/ChannelLogoRoute.h"
#include "api/ErrorAnswers.h"
#include "api/RequestFields.h"

namespace restream::host {

namespace {

const std::string PREFIX = "/channels/";
const std::string SUFFIX = "/logo";

} // namespace

ChannelLogoRoute::ChannelLogoRoute(CachedCatalog& catalog, LogoCache& logos, const Redactor& redactor):
	FixedRoute("GET", PREFIX + "*", Access::Protected,
		"GET /channels/{stream_id}/logo: the channel's logo, fetched by restream from the provider's host or catalog.logoHosts "
		"(PNG, JPEG, GIF or WebP, 256 KiB at most), cached"),
	_catalog(catalog),
	_logos(logos),
	_redactor(redactor)
{
}

void ChannelLogoRoute::handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response)
{
	const std::string& path = request.path;
	if (path.size() < PREFIX.size() + SUFFIX.size() || path.compare(path.size() - SUFFIX.size(), SUFFIX.size(), SUFFIX) != 0)
		return response->sendError(404, "Not Found");
	Poco::Int64 streamId = 0;
	if (!RequestFields::wholeNumber(path.substr(PREFIX.size(), path.size() - PREFIX.size() - SUFFIX.size()), 1, RequestFields::MAX_STREAM_ID,
			streamId))
		return response->sendError(400, "The stream id must be a whole number from 1 to " + std::to_string(RequestFields::MAX_STREAM_ID));
	try
	{
		ChannelInfo channel;
		if (!_catalog.find(streamId, channel)) return response->sendError(404, "No channel " + std::to_string(streamId) + " in the catalog");
		if (channel.logoUrl.empty()) return response->sendError(404, "The channel " + std::to_string(streamId) + " has no logo");
		LogoCache::Image image;
		if (!_logos.image(channel.logoUrl, [&] { return _catalog.streamHost(streamId); }, image))
			return response->sendError(404, "The logo of the channel " + std::to_string(streamId) +
				" is not shown: it is not on the provider's host (nor in catalog.logoHosts), cannot be reached, or is no image");
		response->send(200,
			{{"Content-Type", image.mediaType}, {"Cache-Control", "private, max-age=86400"}, {"X-Content-Type-Options", "nosniff"},
				{"Content-Security-Policy", "default-src 'none'; sandbox"}},
			image.bytes);
	}
	catch (const SourceException& exc)
	{
		ErrorAnswers::source(*response, exc, _redactor);
	}
}

} // namespace restream::host
