//
// CatalogRoute.cpp
//

#include "api/CatalogRoute.h"
#include "restream/JsonResponse.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

namespace restream::host {

namespace {

std::string isoTime(const Poco::Timestamp& time)
{
	return Poco::DateTimeFormatter::format(time, Poco::DateTimeFormat::ISO8601_FORMAT);
}

bool parseBounded(const std::string& text, int low, int high, int& value)
{
	return Poco::NumberParser::tryParse(text, value) && value >= low && value <= high;
}

} // namespace

CatalogRoute::CatalogRoute(Endpoint endpoint, std::shared_ptr<Catalog> catalog, const Redactor& redactor):
	_endpoint(endpoint),
	_catalog(std::move(catalog)),
	_redactor(redactor)
{
}

std::string CatalogRoute::method() const
{
	return _endpoint == Endpoint::Refresh ? "POST" : "GET";
}

std::string CatalogRoute::path() const
{
	switch (_endpoint)
	{
	case Endpoint::Categories: return "/categories";
	case Endpoint::Channels: return "/channels";
	case Endpoint::Account: return "/account";
	case Endpoint::Refresh: return "/catalog/refresh";
	}
	return "";
}

ApiRoute::Access CatalogRoute::access() const
{
	return Access::Protected;
}

Poco::Net::HTTPResponse::HTTPStatus CatalogRoute::statusFor(SourceException::Kind kind)
{
	switch (kind)
	{
	case SourceException::NotFound: return Poco::Net::HTTPResponse::HTTP_NOT_FOUND;
	case SourceException::NotConfigured: return Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE;
	case SourceException::Timeout: return Poco::Net::HTTPResponse::HTTP_GATEWAY_TIMEOUT;
	default: return Poco::Net::HTTPResponse::HTTP_BAD_GATEWAY;
	}
}

void CatalogRoute::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const Identity&)
{
	try
	{
		switch (_endpoint)
		{
		case Endpoint::Categories: categories(response); break;
		case Endpoint::Channels: channels(request, response); break;
		case Endpoint::Account: account(response); break;
		case Endpoint::Refresh: refresh(response); break;
		}
	}
	catch (const SourceException& exc)
	{
		JsonResponse::sendError(response, statusFor(exc.kind()), _redactor.redact(exc.message()));
	}
}

void CatalogRoute::categories(Poco::Net::HTTPServerResponse& response)
{
	const auto snapshot = _catalog->snapshot();
	Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
	for (const auto& category : snapshot->categories)
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("category_id", category.id);
		item->set("category_name", category.name);
		auto count = snapshot->channelCountByCategory.find(category.id);
		item->set("channel_count", count == snapshot->channelCountByCategory.end() ? 0 : static_cast<Poco::UInt64>(count->second));
		list->add(item);
	}
	JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, list);
}

void CatalogRoute::channels(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	std::string categoryId, search;
	int limit = 100, offset = 0;
	Poco::URI::QueryParameters parameters;
	try
	{
		parameters = Poco::URI(request.getURI()).getQueryParameters();
	}
	catch (const Poco::SyntaxException&)
	{
		return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "Malformed query string");
	}
	for (const auto& parameter : parameters)
	{
		if (parameter.first == "category_id")
			categoryId = parameter.second;
		else if (parameter.first == "search")
			search = parameter.second;
		else if (parameter.first == "limit" && !parseBounded(parameter.second, 1, 1000, limit))
			return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "limit must be a number from 1 to 1000");
		else if (parameter.first == "offset" && !parseBounded(parameter.second, 0, 100000000, offset))
			return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "offset must be a number from 0");
	}
	if (search.size() > 800) return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "search is too long (800 bytes at most)");
	const auto snapshot = _catalog->snapshot();
	const auto found = _catalog->search(*snapshot, search, categoryId);
	Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
	for (std::size_t at = static_cast<std::size_t>(offset); at < found.size() && list->size() < static_cast<std::size_t>(limit); ++at)
	{
		const SourceChannel& channel = snapshot->channels[found[at]];
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("stream_id", channel.streamId);
		item->set("name", channel.name);
		item->set("stream_icon", channel.icon);
		item->set("category_id", channel.categoryId);
		item->set("epg_channel_id", channel.epgChannelId);
		list->add(item);
	}
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("total", static_cast<Poco::UInt64>(found.size()));
	body->set("channels", list);
	JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, body);
}

void CatalogRoute::account(Poco::Net::HTTPServerResponse& response)
{
	const SourceAccount account = _catalog->account();
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("source", _catalog->sourceName());
	body->set("status", account.status);
	if (account.hasExpiry)
		body->set("expires_at", isoTime(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(account.expiresAt))));
	else
		body->set("expires_at", Poco::Dynamic::Var());
	body->set("max_connections", account.maxConnections);
	body->set("active_connections", account.activeConnections);
	body->set("is_trial", account.trial);
	body->set("message", _redactor.redact(account.message));
	JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, body);
}

void CatalogRoute::refresh(Poco::Net::HTTPServerResponse& response)
{
	const auto snapshot = _catalog->refresh();
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("categories", static_cast<Poco::UInt64>(snapshot->categories.size()));
	body->set("channels", static_cast<Poco::UInt64>(snapshot->channels.size()));
	body->set("loaded_at", isoTime(snapshot->loadedAt));
	JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, body);
}

std::string CatalogRoute::summary() const
{
	switch (_endpoint)
	{
	case Endpoint::Categories: return "Live categories with channel counts";
	case Endpoint::Channels: return "Channels, paged (limit, offset), by category_id, searched without case or accents (search)";
	case Endpoint::Account: return "The provider account: status, expiry, connections allowed and in use";
	case Endpoint::Refresh: return "Reload the catalog from the provider now";
	}
	return "";
}

} // namespace restream::host
