//
// ChannelsRoute.cpp
//

#include "ChannelsRoute.h"
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

namespace uiadmin {

namespace {

bool boundedNumber(const std::string& text, int low, int high)
{
	int value = 0;
	return text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos && Poco::NumberParser::tryParse(text, value) &&
		value >= low && value <= high;
}

} // namespace

ChannelsRoute::ChannelsRoute(std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions,
	std::shared_ptr<const Translations> translations):
	UiEndpoint("GET", "/ui/channels", SessionStore::ACTIVE, std::move(sessions), std::move(translations)),
	_proxy(std::move(proxy))
{
}

void ChannelsRoute::serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
	const AdminSession& session)
{
	Poco::URI target("/channels");
	for (const auto& parameter : request.query)
	{
		const std::string& name = parameter.first;
		const std::string& value = parameter.second;
		const bool valid = (name == "category_id" && value.size() <= 64) || (name == "search" && value.size() <= MAX_SEARCH) ||
			(name == "limit" && boundedNumber(value, 1, 200)) || (name == "offset" && boundedNumber(value, 0, 100000000));
		if (!valid)
			return response->sendError(400, "Unknown or invalid parameter '" + name + "' (category_id, search up to " + std::to_string(MAX_SEARCH) +
				" bytes, limit 1-200, offset)");
		target.addQueryParameter(name, value);
	}
	_proxy->json(request, *response, session, "GET", target.getPathAndQuery(), "");
}

} // namespace uiadmin
