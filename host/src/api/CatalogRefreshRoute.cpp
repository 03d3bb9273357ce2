//
// CatalogRefreshRoute.cpp
//

#include "api/CatalogRefreshRoute.h"
#include "api/ErrorAnswers.h"
#include "api/StatusJson.h"

namespace restream::host {

CatalogRefreshRoute::CatalogRefreshRoute(CachedCatalog& catalog, ChannelEngine& engine, const Redactor& redactor):
	FixedRoute("POST", "/catalog/refresh", Access::Protected, "Reload the catalog from the provider now"),
	_catalog(catalog),
	_engine(engine),
	_redactor(redactor)
{
}

void CatalogRefreshRoute::handle(const RouteRequest&, const std::shared_ptr<RouteResponse>& response)
{
	try
	{
		const auto snapshot = _catalog.refresh();
		_engine.refreshAccount();
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("categories", static_cast<Poco::UInt64>(snapshot->categories.size()));
		body->set("channels", static_cast<Poco::UInt64>(snapshot->channels.size()));
		body->set("loaded_at", StatusJson::isoTime(snapshot->loadedAt));
		response->sendJson(200, body);
	}
	catch (const SourceException& exc)
	{
		ErrorAnswers::source(*response, exc, _redactor);
	}
}

} // namespace restream::host
