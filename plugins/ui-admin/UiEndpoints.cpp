//
// UiEndpoints.cpp
//

#include "UiEndpoints.h"
#include "ApiClient.h"
#include "FavouritesStore.h"
#include "SessionStore.h"
#include "StreamId.h"
#include "restream/JsonResponse.h"
#include "restream/RequestBody.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>

namespace restream {
namespace admin {

namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

const std::streamsize MAX_BODY = 8 * 1024;
const std::string SESSION_ENDED = "Your session has expired, please sign in again";

bool boundedNumber(const std::string& text, int low, int high)
{
	int value = 0;
	return text.size() <= 9 && Poco::NumberParser::tryParse(text, value) && value >= low && value <= high &&
		text.find_first_not_of("0123456789") == std::string::npos;
}

bool isDigits(const std::string& text, std::size_t from, std::size_t to)
{
	if (to <= from || to - from > 19) return false;
	for (std::size_t i = from; i < to; ++i)
	{
		if (text[i] < '0' || text[i] > '9') return false;
	}
	return true;
}

} // namespace

UiEndpoints::UiEndpoints(const ApiClient& api, SessionStore& sessions, FavouritesStore& favourites, Poco::Logger& logger):
	_api(api),
	_sessions(sessions),
	_favourites(favourites),
	_logger(logger)
{
}

bool UiEndpoints::handles(const std::string& path)
{
	return path.compare(0, 4, "/ui/") == 0 || path.compare(0, 9, "/preview/") == 0;
}

bool UiEndpoints::isSegmentPath(const std::string& path)
{
	static const std::string prefix = "/preview/hls/";
	if (path.compare(0, prefix.size(), prefix) != 0) return false;
	const auto slash = path.find('/', prefix.size());
	if (slash == std::string::npos || !isDigits(path, prefix.size(), slash)) return false;
	const std::string name = path.substr(slash + 1);
	if (name.size() < 4 || name.size() > 64 + 3 || name.compare(name.size() - 3, 3, ".ts") != 0) return false;
	return name.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz-") == name.size() - 3;
}

void UiEndpoints::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const AdminSession& session,
	const std::string& path, const Poco::URI::QueryParameters& query, const std::string& client)
{
	const std::string& method = request.getMethod();
	const bool get = method == Poco::Net::HTTPRequest::HTTP_GET || method == Poco::Net::HTTPRequest::HTTP_HEAD;
	const bool post = method == Poco::Net::HTTPRequest::HTTP_POST;
	const auto wrongMethod = [&](const char* allowed) {
		response.set("Allow", allowed);
		JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "Method not allowed");
	};

	if (path == "/ui/categories") return get ? proxyJson(response, session, "GET", "/categories", "", client) : wrongMethod("GET, HEAD");
	if (path == "/ui/channels") return get ? channels(response, session, query, client) : wrongMethod("GET, HEAD");
	if (path == "/ui/status") return get ? proxyJson(response, session, "GET", "/stream_status", "", client) : wrongMethod("GET, HEAD");
	if (path == "/ui/account") return get ? proxyJson(response, session, "GET", "/account", "", client) : wrongMethod("GET, HEAD");
	if (path == "/ui/start") return post ? start(request, response, session, client) : wrongMethod("POST");
	if (path == "/ui/stop") return post ? proxyJson(response, session, "POST", "/stop_stream", "{}", client) : wrongMethod("POST");
	if (path == "/ui/favourites") return get || post ? favourites(request, response, session) : wrongMethod("GET, HEAD, POST");
	if (path == "/preview/live.m3u8")
		return get ? proxyMedia(request, response, session, "/live.m3u8", "application/vnd.apple.mpegurl", client) : wrongMethod("GET, HEAD");
	if (isSegmentPath(path))
		return get ? proxyMedia(request, response, session, path.substr(8), "video/mp2t", client) : wrongMethod("GET, HEAD");
	JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "Not found");
}

void UiEndpoints::channels(Poco::Net::HTTPServerResponse& response, const AdminSession& session, const Poco::URI::QueryParameters& query,
	const std::string& client)
{
	Poco::URI target("/channels");
	for (const auto& parameter : query)
	{
		const std::string& name = parameter.first;
		const std::string& value = parameter.second;
		if (name == "category_id" && value.size() <= 64)
			target.addQueryParameter(name, value);
		else if (name == "search" && value.size() <= 200)
			target.addQueryParameter(name, value);
		else if (name == "limit" && boundedNumber(value, 1, 200))
			target.addQueryParameter(name, value);
		else if (name == "offset" && boundedNumber(value, 0, 100000000))
			target.addQueryParameter(name, value);
		else
			return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST,
				"Unknown or invalid parameter '" + name + "' (category_id, search up to 200 characters, limit 1-200, offset)");
	}
	proxyJson(response, session, "GET", target.getPathAndQuery(), "", client);
}

void UiEndpoints::start(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const AdminSession& session,
	const std::string& client)
{
	Poco::JSON::Object::Ptr body;
	if (!readJson(request, response, body)) return;
	Poco::Int64 streamId = 0;
	if (!StreamId::read(body->get("stream_id"), streamId))
		return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "stream_id must be a positive integer");
	proxyJson(response, session, "POST", "/start_stream", "{\"stream_id\":" + std::to_string(streamId) + "}", client);
}

void UiEndpoints::favourites(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const AdminSession& session)
{
	if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_POST)
		return JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, _favourites.list(session.username));
	Poco::JSON::Object::Ptr body;
	if (!readJson(request, response, body)) return;
	const auto channel = body->getObject("channel");
	const Poco::Dynamic::Var favourite = body->get("favourite");
	if (!channel || !favourite.isBoolean())
		return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST,
			"The body must be {\"channel\": {\"stream_id\", \"name\", ...}, \"favourite\": true or false}");
	try
	{
		JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, _favourites.set(session.username, *channel, favourite.convert<bool>()));
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, exc.message());
	}
	catch (const Poco::FileException& exc)
	{
		_logger.error("Cannot save the favourites: %s", exc.displayText());
		JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "The favourites could not be saved on the server");
	}
}

void UiEndpoints::proxyJson(Poco::Net::HTTPServerResponse& response, const AdminSession& session, const std::string& method,
	const std::string& pathAndQuery, const std::string& body, const std::string& client)
{
	ApiClient::Answer answer;
	try
	{
		answer = _api.call(method, pathAndQuery, body, session.apiToken, client);
	}
	catch (const Poco::Exception& exc)
	{
		return unreachable(response, exc.displayText());
	}
	if (answer.status == Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED)
	{
		_sessions.remove(session.id);
		_logger.information("The API refused the token of user '%s': session ended", session.username);
		Poco::JSON::Object::Ptr ended = new Poco::JSON::Object;
		ended->set("detail", SESSION_ENDED);
		ended->set("signed_out", true);
		return JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, ended);
	}
	if (answer.contentType.compare(0, 16, "application/json") != 0)
		return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_GATEWAY,
			"The API at " + _api.baseUrl() + " answered HTTP " + std::to_string(answer.status) + " without JSON");
	response.setStatusAndReason(static_cast<Status>(answer.status));
	response.setContentType("application/json; charset=utf-8");
	response.set("Cache-Control", "no-store");
	if (!answer.retryAfter.empty() && answer.retryAfter.find_first_not_of("0123456789") == std::string::npos)
		response.set("Retry-After", answer.retryAfter);
	response.setContentLength(static_cast<std::streamsize>(answer.body.size()));
	response.sendBuffer(answer.body.data(), answer.body.size());
}

void UiEndpoints::proxyMedia(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const AdminSession& session,
	const std::string& apiPath, const std::string& contentType, const std::string& client)
{
	ApiClient::Answer answer;
	try
	{
		answer = _api.call("GET", apiPath, "", session.apiToken, client);
	}
	catch (const Poco::Exception& exc)
	{
		return unreachable(response, exc.displayText());
	}
	if (answer.status != Poco::Net::HTTPResponse::HTTP_OK)
		return JsonResponse::sendError(response, answer.status == Poco::Net::HTTPResponse::HTTP_NOT_FOUND ? Poco::Net::HTTPResponse::HTTP_NOT_FOUND
			: Poco::Net::HTTPResponse::HTTP_BAD_GATEWAY, "Nothing to preview (the API answered HTTP " + std::to_string(answer.status) + ")");
	response.setContentType(contentType);
	response.set("Cache-Control", "no-store");
	response.set("X-Content-Type-Options", "nosniff");
	response.setContentLength(static_cast<std::streamsize>(answer.body.size()));
	if (request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD)
		response.send();
	else
		response.sendBuffer(answer.body.data(), answer.body.size());
}

bool UiEndpoints::readJson(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, Poco::JSON::Object::Ptr& body)
{
	std::string text;
	if (request.hasContentLength() && request.getContentLength64() > MAX_BODY)
	{
		response.setKeepAlive(false);
		JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "The request body is larger than 8 KiB");
		return false;
	}
	if (RequestBody::isPresent(request)) Poco::StreamCopier::copyToString(request.stream(), text, MAX_BODY + 1);
	if (static_cast<std::streamsize>(text.size()) > MAX_BODY)
	{
		response.setKeepAlive(false);
		JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "The request body is larger than 8 KiB");
		return false;
	}
	try
	{
		const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(text);
		if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
		{
			body = parsed.extract<Poco::JSON::Object::Ptr>();
			return true;
		}
	}
	catch (const Poco::Exception&)
	{
		// answered below
	}
	JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "The body must be a JSON object");
	return false;
}

void UiEndpoints::unreachable(Poco::Net::HTTPServerResponse& response, const std::string& why)
{
	_logger.warning("The API at %s cannot be reached: %s", _api.baseUrl(), why);
	JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_GATEWAY, "The API at " + _api.baseUrl() + " cannot be reached");
}

} // namespace admin
} // namespace restream
