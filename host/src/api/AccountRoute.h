//
// AccountRoute.h
//

#ifndef restream_host_AccountRoute_INCLUDED
#define restream_host_AccountRoute_INCLUDED

#include "api/FixedRoute.h"
#include "catalog/CachedCatalog.h"
#include "logging/Redactor.h"

namespace restream::host {

class AccountRoute : public FixedRoute
	/// GET /account (protected): the provider account as the source reads
	/// it now: {"source", "status", "expires_at", "max_connections",
	/// "active_connections", "is_trial", "message"}; never the password.
{
public:
	AccountRoute(CachedCatalog& catalog, const Redactor& redactor);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	CachedCatalog& _catalog;
	const Redactor& _redactor;
};

} // namespace restream::host

#endif // restream_host_AccountRoute_INCLUDED
