//
// FavouritesRoute.cpp
//

#include "FavouritesRoute.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace uiadmin {

FavouritesRoute::FavouritesRoute(std::string method, std::shared_ptr<FavouritesStore> favourites, std::shared_ptr<SessionStore> sessions,
	std::shared_ptr<const Translations> translations, Poco::Logger& logger):
	UiEndpoint(std::move(method), "/ui/favourites", SessionStore::ACTIVE, std::move(sessions), std::move(translations)),
	_favourites(std::move(favourites)),
	_logger(logger)
{
}

void FavouritesRoute::serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
	const AdminSession& session)
{
	if (request.method != "POST") return response->sendJson(200, _favourites->list(session.username));
	Poco::JSON::Object::Ptr body;
	if (!readJson(request, *response, body)) return;
	const auto channel = body->getObject("channel");
	const Poco::Dynamic::Var favourite = body->get("favourite");
	if (!channel || !favourite.isBoolean())
		return response->sendError(400, "The body must be {\"channel\": {\"stream_id\", \"name\", ...}, \"favourite\": true or false}");
	try
	{
		response->sendJson(200, _favourites->set(session.username, *channel, favourite.convert<bool>()));
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		response->sendError(400, exc.message());
	}
	catch (const Poco::FileException& exc)
	{
		_logger.error("Cannot save the favourites: %s", exc.displayText());
		response->sendError(500, "The favourites could not be saved on the server");
	}
}

} // namespace uiadmin
