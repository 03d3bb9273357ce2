//
// CategoriesRoute.h
//

#ifndef restream_host_CategoriesRoute_INCLUDED
#define restream_host_CategoriesRoute_INCLUDED

#include "api/FixedRoute.h"
#include "catalog/CachedCatalog.h"
#include "logging/Redactor.h"

namespace restream::host {

class CategoriesRoute : public FixedRoute
	/// GET /categories (protected): [{"category_id", "category_name", "channel_count"}].
{
public:
	CategoriesRoute(CachedCatalog& catalog, const Redactor& redactor);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	CachedCatalog& _catalog;
	const Redactor& _redactor;
};

} // namespace restream::host

#endif // restream_host_CategoriesRoute_INCLUDED
