//
// ApiProxy.cpp
//

#include "ApiProxy.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace uiadmin {

const Poco::Timespan ApiProxy::PLAYLIST_HOLD(30, 0);

ApiProxy::ApiProxy(std::shared_ptr<const ApiClient> api, std::shared_ptr<SessionStore> sessions,
	std::shared_ptr<const Translations> translations, Poco::Logger& logger):
	_api(std::move(api)),
	_sessions(std::move(sessions)),
	_translations(std::move(translations)),
	_logger(logger)
{
}

void ApiProxy::json(const restream::RouteRequest& request, restream::RouteResponse& response, const AdminSession& session,
	const std::string& method, const std::string& pathAndQuery, const std::string& body) const
{
	ApiClient::Answer answer;
	if (!call(request, response, session, method, pathAndQuery, body, answer)) return;
	if (answer.contentType.compare(0, 16, "application/json") != 0)
		return response.sendError(502, "The API at " + _api->baseUrl() + " answered HTTP " + std::to_string(answer.status) + " without JSON");
	restream::RouteResponse::Headers headers = {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-store"}};
	if (!answer.retryAfter.empty() && answer.retryAfter.find_first_not_of("0123456789") == std::string::npos)
		headers.emplace_back("Retry-After", answer.retryAfter);
	response.send(answer.status, headers, std::make_shared<const std::string>(std::move(answer.body)));
}

void ApiProxy::media(const restream::RouteRequest& request, restream::RouteResponse& response, const AdminSession& session,
	const std::string& apiPath, const std::string& contentType, Media kind) const
{
	ApiClient::Answer answer;
	if (!call(request, response, session, "GET", apiPath, "", answer, kind == Media::Playlist ? PLAYLIST_HOLD : Poco::Timespan(0))) return;
	if (answer.status == 400) return response.sendError(400, "The API refused the preview's request (HTTP 400)");
	if (answer.status != 200)
		return response.sendError(answer.status == 404 ? 404 : 502, "Nothing to preview (the API answered HTTP " + std::to_string(answer.status) + ")");
	// behind a session: a segment the API calls immutable is cached by the admin's browser only, never by a shared cache
	const bool immutable = kind == Media::Segment && answer.cacheControl.find("immutable") != std::string::npos;
	response.send(200,
		{{"Content-Type", contentType}, {"Cache-Control", immutable ? "private, max-age=86400, immutable" : "no-store"},
			{"X-Content-Type-Options", "nosniff"}},
		std::make_shared<const std::string>(std::move(answer.body)));
}

void ApiProxy::image(const restream::RouteRequest& request, restream::RouteResponse& response, const AdminSession& session,
	const std::string& apiPath) const
{
	ApiClient::Answer answer;
	if (!call(request, response, session, "GET", apiPath, "", answer)) return;
	if (answer.status == 404) return response.sendError(404, "This channel has no logo to show");
	if (answer.status != 200 || answer.contentType.compare(0, 6, "image/") != 0)
		return response.sendError(502, "The API at " + _api->baseUrl() + " answered HTTP " + std::to_string(answer.status) + " without an image");
	response.send(200,
		{{"Content-Type", answer.contentType}, {"Cache-Control", "private, max-age=86400"}, {"X-Content-Type-Options", "nosniff"},
			{"Content-Security-Policy", "default-src 'none'; sandbox"}},
		std::make_shared<const std::string>(std::move(answer.body)));
}

bool ApiProxy::call(const restream::RouteRequest& request, restream::RouteResponse& response, const AdminSession& session,
	const std::string& method, const std::string& pathAndQuery, const std::string& body, ApiClient::Answer& answer, Poco::Timespan held) const
{
	try
	{
		answer = _api->call(method, pathAndQuery, body, session.apiToken, request, held);
	}
	catch (const Poco::Exception& exc)
	{
		_logger.warning("The API at %s cannot be reached: %s", _api->baseUrl(), exc.displayText());
		response.sendError(502, "The API at " + _api->baseUrl() + " cannot be reached");
		return false;
	}
	if (answer.status != 401) return true;
	_sessions->remove(session.id);
	_logger.information("The API refused the token of user '%s': session ended", session.username);
	Poco::JSON::Object::Ptr ended = new Poco::JSON::Object;
	ended->set("detail", _translations->text(_translations->languageOf(request), "sessionExpired"));
	ended->set("signed_out", true);
	response.sendJson(401, ended);
	return false;
}

} // namespace uiadmin
