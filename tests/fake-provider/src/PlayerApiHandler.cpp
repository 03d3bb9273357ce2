//
// PlayerApiHandler.cpp
//
// Library: fakeprovider
//


#include "PlayerApiHandler.h"
#include "DripStreamBuf.h"
#include "ErrorLog.h"
#include "JsonWriter.h"
#include "PanelTimeZone.h"
#include "ProviderContext.h"
#include "Replies.h"
#include "Poco/DateTimeFormatter.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/Net/HTTPServerRequestImpl.h"
#include "Poco/Net/HTTPServerResponse.h"
#include "Poco/Net/MediaType.h"
#include "Poco/Net/NetException.h"
#include "Poco/Net/StreamSocket.h"
#include "Poco/NumberFormatter.h"
#include "Poco/Timestamp.h"
#include <algorithm>


namespace fakeprovider {


namespace {


const Poco::Int64 CREATED_AT = 1700000000;
const Poco::Int64 DAY = 86400;


const char* const HTML_ERROR_PAGE =
	"<!DOCTYPE html>\n"
	"<html lang=\"en-US\"><head><meta charset=\"UTF-8\"><title>Attention Required! | Cloudflare</title></head>\n"
	"<body><div id=\"cf-wrapper\"><h1>Sorry, you have been blocked</h1>\n"
	"<h2>You are unable to access this website</h2>\n"
	"<p>Cloudflare Ray ID: <strong>7f3c2a1b9d8e4f00</strong> &bull; Performance &amp; security by Cloudflare</p>\n"
	"</div></body></html>\n";


void numberOrString(JsonWriter& json, Poco::Int64 value, bool asNumber)
	/// Panels send most numbers as strings; ApiMode::NUMBERS sends them as numbers.
{
	if (asNumber) json.value(value);
	else json.value(Poco::NumberFormatter::format(value));
}


} // namespace


PlayerApiHandler::PlayerApiHandler(ProviderContext& context):
	_context(context)
{
}


void PlayerApiHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	try
	{
		answer(request, response);
	}
	catch (Poco::Net::NetException&)
	{
		// The client went away.
	}
	catch (Poco::TimeoutException&)
	{
	}
	catch (Poco::Exception& exc)
	{
		logError("player_api.php: " + exc.displayText());
		if (!response.sent()) sendError(response, 500);
	}
	catch (std::exception& exc)
	{
		logError(std::string("player_api.php: ") + exc.what());
		if (!response.sent()) sendError(response, 500);
	}
}


void PlayerApiHandler::answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	_context.stats().playerApiRequest();
	if (!_context.faults().userAgentAllowed(request.get("User-Agent", ""))) return sendError(response, 403);

	Poco::Net::HTMLForm form;
	const bool formBody = request.getMethod() == Poco::Net::HTTPRequest::HTTP_POST && request.hasContentLength()
		&& Poco::Net::MediaType(request.getContentType()).matches("application", "x-www-form-urlencoded");
	if (formBody) form.load(request, request.stream());
	else form.load(request);

	const ApiMode mode = _context.faults().apiMode();
	switch (mode)
	{
	case ApiMode::HTML:
		return reply(request, response, "text/html; charset=UTF-8", HTML_ERROR_PAGE);
	case ApiMode::TEXT:
		return reply(request, response, "text/plain", "blocked");
	case ApiMode::SLOW:
		if (_context.waitForStop(_context.faults().apiDelay())) return sendError(response, 503);
		break;
	default:
		break;
	}

	const std::string json = "application/json";
	if (!_context.credentialsMatch(form.get("username", ""), form.get("password", "")))
	{
		return reply(request, response, json, "{\"user_info\":{\"auth\":0}}");
	}
	const bool inactive = mode == ApiMode::EXPIRED || mode == ApiMode::DISABLED || mode == ApiMode::BANNED;
	const std::string action = form.get("action", "");
	if (action.empty() || action == "get_account_info") reply(request, response, json, accountInfo(mode));
	else if (action == "get_live_categories" && !inactive) send(request, response, json, -1, [&](std::ostream& out) { categories(mode, out); });
	else if (action == "get_live_streams" && !inactive) send(request, response, json, -1, [&](std::ostream& out) { streams(mode, form, out); });
	else reply(request, response, json, "[]");
}


void PlayerApiHandler::reply(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const std::string& contentType, const std::string& body)
{
	send(request, response, contentType, static_cast<std::streamsize>(body.size()), [&](std::ostream& out) { out << body; });
}


void PlayerApiHandler::send(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const std::string& contentType,
	std::streamsize contentLength, const BodyWriter& writeBody)
{
	response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
	response.setContentType(contentType);
	if (contentLength >= 0) response.setContentLength64(contentLength);
	else response.setChunkedTransferEncoding(true);
	const Poco::Timespan drip = _context.faults().catalogDrip();
	if (drip.totalMicroseconds() <= 0)
	{
		writeBody(response.send());
		return;
	}
	auto* pRequestImpl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
	if (pRequestImpl) pRequestImpl->socket().setNoDelay(true); // every byte its own segment
	DripStreamBuf dripBuffer(response.send(), [&] { return _context.waitForStop(drip); });
	std::ostream out(&dripBuffer);
	writeBody(out);
}


std::string PlayerApiHandler::accountInfo(ApiMode mode) const
{
	const ProviderOptions& options = _context.options();
	const bool numbers = mode == ApiMode::NUMBERS;
	const Poco::Timestamp now;
	const Poco::Int64 nowSeconds = now.epochTime();
	const char* status = "Active";
	if (mode == ApiMode::EXPIRED) status = "Expired";
	else if (mode == ApiMode::DISABLED) status = "Disabled";
	else if (mode == ApiMode::BANNED) status = "Banned";

	JsonWriter json(options.phpJsonEscaping);
	json.beginObject().key("user_info").beginObject()
		.key("username").value(options.username)
		.key("password").value(options.password)
		.key("message").value("Bienvenue ! Accès de démonstration.")
		.key("auth").value(1)
		.key("status").value(status)
		.key("exp_date");
	if (numbers) json.null();
	else numberOrString(json, mode == ApiMode::EXPIRED ? nowSeconds - 30 * DAY : nowSeconds + 365 * DAY, false);
	json.key("is_trial");
	numberOrString(json, 0, numbers);
	json.key("active_cons");
	numberOrString(json, _context.slots().inUse(), numbers);
	json.key("created_at");
	numberOrString(json, CREATED_AT, numbers);
	json.key("max_connections");
	numberOrString(json, _context.slots().limit(), numbers);
	json.key("allowed_output_formats").beginArray();
	const auto& formats = options.allowedOutputFormats;
	if (_context.settings().hls() && std::find(formats.begin(), formats.end(), "m3u8") == formats.end()) json.value("m3u8");
	for (const auto& format: formats) json.value(format);
	json.endArray().endObject();

	json.key("server_info").beginObject()
		.key("url").value("127.0.0.1")
		.key("port");
	numberOrString(json, _context.port(), numbers);
	json.key("https_port");
	numberOrString(json, 443, numbers);
	json.key("server_protocol").value("http")
		.key("rtmp_port");
	numberOrString(json, 1935, numbers);
	json.key("timezone").value(options.timezone)
		.key("timestamp_now").value(nowSeconds)
		.key("time_now").value(Poco::DateTimeFormatter::format(PanelTimeZone(options.timezone).localTime(now), "%Y-%m-%d %H:%M:%S"))
		.key("process").value(true)
		.endObject().endObject();
	return json.str();
}


void PlayerApiHandler::categories(ApiMode mode, std::ostream& out) const
{
	JsonWriter json(_context.options().phpJsonEscaping);
	json.beginArray();
	for (const auto& category: _context.catalog().categories())
	{
		json.beginObject().key("category_id");
		numberOrString(json, category.id, mode == ApiMode::NUMBERS);
		json.key("category_name").value(category.name)
			.key("parent_id").value(0)
			.endObject();
	}
	json.endArray();
	json.drainTo(out);
}


void PlayerApiHandler::streams(ApiMode mode, const Poco::Net::HTMLForm& form, std::ostream& out) const
{
	const bool numbers = mode == ApiMode::NUMBERS;
	const std::string categoryFilter = form.get("category_id", "");
	const std::string logoBase = _context.baseUrl() + "/logos/";
	const auto& logoUrls = _context.options().logoUrls;
	const Catalog& catalog = _context.catalog();
	JsonWriter json(_context.options().phpJsonEscaping);
	json.beginArray();
	for (std::size_t i = 0; i < catalog.channelCount(); ++i)
	{
		const Catalog::Channel channel = catalog.channelAt(i);
		const std::string categoryId = Poco::NumberFormatter::format(channel.categoryId);
		if (!categoryFilter.empty() && categoryFilter != categoryId) continue;
		const auto logoElsewhere = logoUrls.find(channel.streamId);
		json.beginObject()
			.key("num").value(channel.num)
			.key("name").value(channel.name)
			.key("stream_type").value("live")
			.key("stream_id").value(channel.streamId)
			.key("stream_icon").value(logoElsewhere != logoUrls.end() ? logoElsewhere->second
				: channel.hasLogo ? logoBase + Poco::NumberFormatter::format(channel.streamId) + ".png" : std::string())
			.key("epg_channel_id").value(channel.epgChannelId)
			.key("added");
		numberOrString(json, channel.added, numbers);
		json.key("category_id");
		numberOrString(json, channel.categoryId, numbers);
		json.key("custom_sid").value("")
			.key("tv_archive").value(0)
			.key("direct_source").value("")
			.key("tv_archive_duration").value(0)
			.endObject();
		if (json.size() >= STREAM_PIECE)
		{
			json.drainTo(out);
			if (!out) return; // the client went away
		}
	}
	json.endArray();
	json.drainTo(out);
}


} // namespace fakeprovider
