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
const std::size_t MAX_SEARCH = 800; // bytes: the input's 200 characters, in any script

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

bool UiEndpoints::isBackground(const std::string& path)
{
	return path == "/ui/status" || path == "/ui/account" || path.compare(0, 9, "/preview/") == 0;
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
	const std::string& path, const Poco::URI::QueryParameters& query, const std::string& client, const std::string& endedMessage)
{
	Call call{request, response, session, client, endedMessage};
	const std::string& method = request.getMethod();
	const bool get = method == Poco::Net::HTTPRequest::HTTP_GET || method == Poco::Net::HTTPRequest::HTTP_HEAD;
	const bool post = method == Poco::Net::HTTPRequest::HTTP_POST;
	const auto wrongMethod = [&](const char* allowed) {
		response.set("Allow", allowed);
		JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "Method not allowed");
	};

	if (path == "/ui/categories") return get ? proxyJson(call, "GET", "/categories", "") : wrongMethod("GET, HEAD");
	if (path == "/ui/channels") return get ? channels(call, query) : wrongMethod("GET, HEAD");
	if (path == "/ui/status") return get ? proxyJson(call, "GET", "/stream_status", "") : wrongMethod("GET, HEAD");
	if (path == "/ui/account") return get ? proxyJson(call, "GET", "/account", "") : wrongMethod("GET, HEAD");
	if (path == "/ui/start") return post ? start(call) : wrongMethod("POST");
	if (path == "/ui/stop") return post ? proxyJson(call, "POST", "/stop_stream", "{}") : wrongMethod("POST");
	if (path == "/ui/favourites") return get || post ? favourites(call) : wrongMethod("GET, HEAD, POST");
	if (path == "/preview/live.m3u8")
		return get ? proxyMedia(call, "/live.m3u8", "application/vnd.apple.mpegurl") : wrongMethod("GET, HEAD");
	if (isSegmentPath(path))
		return get ? proxyMedia(call, path.substr(8), "video/mp2t") : wrongMethod("GET, HEAD");
	JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "Not found");
}

void UiEndpoints::channels(Call& call, const Poco::URI::QueryParameters& query)
{
	Poco::URI target("/channels");
	for (const auto& parameter : query)
	{
		const std::string& name = parameter.first;
		const std::string& value = parameter.second;
		if (name == "category_id" && value.size() <= 64)
			target.addQueryParameter(name, value);
		else if (name == "search" && value.size() <= MAX_SEARCH)
			target.addQueryParameter(name, value);
		else if (name == "limit" && boundedNumber(value, 1, 200))
			target.addQueryParameter(name, value);
		else if (name == "offset" && boundedNumber(value, 0, 100000000))
			target.addQueryParameter(name, value);
		else
			return JsonResponse::sendError(call.response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST,
				"Unknown or invalid parameter '" + name + "' (category_id, search up to " + std::to_string(MAX_SEARCH) +
					" bytes, limit 1-200, offset)");
	}
	proxyJson(call, "GET", target.getPathAndQuery(), "");
}

void UiEndpoints::start(Call& call)
{
	Poco::JSON::Object::Ptr body;
	if (!readJson(call, body)) return;
	Poco::Int64 streamId = 0;
	if (!StreamId::read(body->get("stream_id"), streamId))
		return JsonResponse::sendError(call.response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "stream_id must be a positive integer");
	proxyJson(call, "POST", "/start_stream", "{\"stream_id\":" + std::to_string(streamId) + "}");
}

void UiEndpoints::favourites(Call& call)
{
	if (call.request.getMethod() != Poco::Net::HTTPRequest::HTTP_POST)
		return JsonResponse::send(call.response, Poco::Net::HTTPResponse::HTTP_OK, _favourites.list(call.session.username));
	Poco::JSON::Object::Ptr body;
	if (!readJson(call, body)) return;
	const auto channel = body->getObject("channel");
	const Poco::Dynamic::Var favourite = body->get("favourite");
	if (!channel || !favourite.isBoolean())
		return JsonResponse::sendError(call.response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST,
			"The body must be {\"channel\": {\"stream_id\", \"name\", ...}, \"favourite\": true or false}");
	try
	{
		JsonResponse::send(call.response, Poco::Net::HTTPResponse::HTTP_OK,
			_favourites.set(call.session.username, *channel, favourite.convert<bool>()));
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		JsonResponse::sendError(call.response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, exc.message());
	}
	catch (const Poco::FileException& exc)
	{
		_logger.error("Cannot save the favourites: %s", exc.displayText());
		JsonResponse::sendError(call.response, Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "The favourites could not be saved on the server");
	}
}

void UiEndpoints::proxyJson(Call& call, const std::string& method, const std::string& pathAndQuery, const std::string& body)
{
	ApiClient::Answer answer;
	try
	{
		answer = _api.call(method, pathAndQuery, body, call.session.apiToken, call.client);
	}
	catch (const Poco::Exception& exc)
	{
		return unreachable(call, exc.displayText());
	}
	if (answer.status == Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED) return endSession(call);
	Poco::Net::HTTPServerResponse& response = call.response;
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

void UiEndpoints::proxyMedia(Call& call, const std::string& apiPath, const std::string& contentType)
{
	ApiClient::Answer answer;
	try
	{
		answer = _api.call("GET", apiPath, "", call.session.apiToken, call.client);
	}
	catch (const Poco::Exception& exc)
	{
		return unreachable(call, exc.displayText());
	}
	if (answer.status == Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED) return endSession(call);
	Poco::Net::HTTPServerResponse& response = call.response;
	if (answer.status != Poco::Net::HTTPResponse::HTTP_OK)
		return JsonResponse::sendError(response, answer.status == Poco::Net::HTTPResponse::HTTP_NOT_FOUND ? Poco::Net::HTTPResponse::HTTP_NOT_FOUND
			: Poco::Net::HTTPResponse::HTTP_BAD_GATEWAY, "Nothing to preview (the API answered HTTP " + std::to_string(answer.status) + ")");
	response.setContentType(contentType);
	response.set("Cache-Control", "no-store");
	response.set("X-Content-Type-Options", "nosniff");
	response.setContentLength(static_cast<std::streamsize>(answer.body.size()));
	if (call.request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD)
		response.send();
	else
		response.sendBuffer(answer.body.data(), answer.body.size());
}

void UiEndpoints::endSession(Call& call)
{
	_sessions.remove(call.session.id);
	_logger.information("The API refused the token of user '%s': session ended", call.session.username);
	Poco::JSON::Object::Ptr ended = new Poco::JSON::Object;
	ended->set("detail", call.endedMessage);
	ended->set("signed_out", true);
	JsonResponse::send(call.response, Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, ended);
}

bool UiEndpoints::readJson(Call& call, Poco::JSON::Object::Ptr& body)
{
	Poco::Net::HTTPServerRequest& request = call.request;
	Poco::Net::HTTPServerResponse& response = call.response;
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
	catch (const std::exception&)
	{
		// Poco's JSON errors, and a number it cannot hold (1e400): answered below
	}
	JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "The body must be a JSON object");
	return false;
}

void UiEndpoints::unreachable(Call& call, const std::string& why)
{
	_logger.warning("The API at %s cannot be reached: %s", _api.baseUrl(), why);
	JsonResponse::sendError(call.response, Poco::Net::HTTPResponse::HTTP_BAD_GATEWAY, "The API at " + _api.baseUrl() + " cannot be reached");
}

} // namespace admin
} // namespace restream
