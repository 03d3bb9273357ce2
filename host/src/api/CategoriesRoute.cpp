//
// CategoriesRoute.cpp
//

#include "api/CategoriesRoute.h"
#include "api/ErrorAnswers.h"
#include <Poco/JSON/Array.h>

namespace restream::host {

CategoriesRoute::CategoriesRoute(CachedCatalog& catalog, const Redactor& redactor):
	FixedRoute("GET", "/categories", Access::Protected, "Live categories with channel counts"),
	_catalog(catalog),
	_redactor(redactor)
{
}

void CategoriesRoute::handle(const RouteRequest&, const std::shared_ptr<RouteResponse>& response)
{
	try
	{
		Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
		for (const auto& category : _catalog.snapshot()->categories)
		{
			Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
			item->set("category_id", category.id);
			item->set("category_name", category.name);
			item->set("channel_count", static_cast<Poco::UInt64>(category.channelCount));
			list->add(item);
		}
		response->sendJson(200, list);
	}
	catch (const SourceException& exc)
	{
		ErrorAnswers::source(*response, exc, _redactor);
	}
}

} // namespace restream::host
