//
// ChannelsRoute.cpp
//

#include "api/ChannelsRoute.h"
#include "api/ErrorAnswers.h"
#include "api/RequestFields.h"
#include <Poco/JSON/Array.h>

namespace restream::host {

ChannelsRoute::ChannelsRoute(CachedCatalog& catalog, const Redactor& redactor):
	FixedRoute("GET", "/channels", Access::Protected,
		"Channels, paged (limit, offset), by category_id, searched without case or accents (search)"),
	_catalog(catalog),
	_redactor(redactor)
{
}

void ChannelsRoute::handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response)
{
	Poco::Int64 limit = 100;
	Poco::Int64 offset = 0;
	if (request.hasParameter("limit") && !RequestFields::wholeNumber(request.parameter("limit"), 1, 1000, limit))
		return response->sendError(400, "limit must be a whole number from 1 to 1000");
	if (request.hasParameter("offset") && !RequestFields::wholeNumber(request.parameter("offset"), 0, 100000000, offset))
		return response->sendError(400, "offset must be a whole number from 0 to 100000000");
	const std::string search = request.parameter("search");
	if (search.size() > 800) return response->sendError(400, "search is too long (800 bytes at most)");
	try
	{
		std::size_t total = 0;
		const auto found = _catalog.search(search, request.parameter("category_id"), static_cast<std::size_t>(offset),
			static_cast<std::size_t>(limit), total);
		Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
		for (const auto& channel : found)
		{
			Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
			item->set("stream_id", channel.streamId);
			item->set("name", channel.name);
			item->set("number", channel.number);
			item->set("stream_icon", channel.logoUrl);
			item->set("category_id", channel.categoryId);
			item->set("category_name", channel.categoryName);
			item->set("epg_channel_id", channel.epgId);
			list->add(item);
		}
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("total", static_cast<Poco::UInt64>(total));
		body->set("channels", list);
		response->sendJson(200, body);
	}
	catch (const SourceException& exc)
	{
		ErrorAnswers::source(*response, exc, _redactor);
	}
}

} // namespace restream::host
