//
// CatalogRefreshRoute.h
//

#ifndef restream_host_CatalogRefreshRoute_INCLUDED
#define restream_host_CatalogRefreshRoute_INCLUDED

#include "api/FixedRoute.h"
#include "catalog/CachedCatalog.h"
#include "live/ChannelEngine.h"
#include "logging/Redactor.h"

namespace restream::host {

class CatalogRefreshRoute : public FixedRoute
	/// POST /catalog/refresh (protected): reloads the catalog from the
	/// provider now, and the account's facts soon after:
	/// {"categories", "channels", "loaded_at"}.
{
public:
	CatalogRefreshRoute(CachedCatalog& catalog, ChannelEngine& engine, const Redactor& redactor);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	CachedCatalog& _catalog;
	ChannelEngine& _engine;
	const Redactor& _redactor;
};

} // namespace restream::host

#endif // restream_host_CatalogRefreshRoute_INCLUDED
