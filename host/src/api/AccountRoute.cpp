//
// AccountRoute.cpp
//

#include "api/AccountRoute.h"
#include "api/ErrorAnswers.h"
#include "api/StatusJson.h"
#include <ctime>

namespace restream::host {

AccountRoute::AccountRoute(CachedCatalog& catalog, const Redactor& redactor):
	FixedRoute("GET", "/account", Access::Protected, "The provider account: status, expiry, connections allowed and in use"),
	_catalog(catalog),
	_redactor(redactor)
{
}

void AccountRoute::handle(const RouteRequest&, const std::shared_ptr<RouteResponse>& response)
{
	try
	{
		const SourceAccount account = _catalog.account();
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("source", _catalog.sourceName());
		body->set("status", account.status);
		if (account.hasExpiry)
			body->set("expires_at", StatusJson::isoTime(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(account.expiresAt))));
		else
			body->set("expires_at", Poco::Dynamic::Var());
		body->set("max_connections", account.maxConnections);
		body->set("active_connections", account.activeConnections);
		body->set("is_trial", account.trial);
		body->set("message", _redactor.redact(account.message));
		response->sendJson(200, body);
	}
	catch (const SourceException& exc)
	{
		ErrorAnswers::source(*response, exc, _redactor);
	}
}

} // namespace restream::host
