//
// ChannelLogoRoute.h
//

#ifndef restream_host_ChannelLogoRoute_INCLUDED
#define restream_host_ChannelLogoRoute_INCLUDED

#include "api/FixedRoute.h"
#include "catalog/CachedCatalog.h"
#include "catalog/LogoCache.h"
#include "logging/Redactor.h"

namespace restream::host {

class ChannelLogoRoute : public FixedRoute
	/// GET /channels/{stream_id}/logo (protected): the channel's logo as the
	/// host fetched it (LogoCache, the provider's host being the host of the
	/// channel's stream URL), so that a browser never fetches a URL the
	/// provider chose. 200 with the image, typed by its own bytes, cached
	/// privately for a day, nosniff, and a CSP that sandboxes it when opened
	/// as a page; 404 {"detail"} when the channel is unknown, has no logo or
	/// its logo is refused or unreachable; 400 when stream_id is not a whole
	/// number from 1 to 2^53 - 1; any other path under /channels/ is 404.
	/// Catalog failures answer as on /channels. Both objects must outlive
	/// the route; any thread.
{
public:
	ChannelLogoRoute(CachedCatalog& catalog, LogoCache& logos, const Redactor& redactor);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	CachedCatalog& _catalog;
	LogoCache& _logos;
	const Redactor& _redactor;
};

} // namespace restream::host

#endif // restream_host_ChannelLogoRoute_INCLUDED
