//
// StreamRoute.cpp
//

#include "api/StreamRoute.h"
#include "api/CatalogRoute.h"
#include "restream/JsonResponse.h"
#include "restream/RequestBody.h"
#include "restream/MetricsSource.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>
#include <cmath>
#include <sstream>

namespace restream::host {

namespace {

const std::streamsize maxBody = 16 * 1024;
const std::streamsize maxDiscardedBody = 1024 * 1024;
const Poco::Int64 maxStreamId = 9007199254740991LL; // 2^53 - 1: exact in every JSON parser

std::string isoTime(const Poco::Timestamp& time)
{
	return Poco::DateTimeFormatter::format(time, Poco::DateTimeFormat::ISO8601_FRAC_FORMAT);
}

std::string hostWithoutPort(const std::string& host)
{
	if (!host.empty() && host[0] == '[') return host.substr(0, host.find(']') + 1);
	return host.substr(0, host.find(':'));
}

} // namespace

StreamRoute::StreamRoute(Endpoint endpoint, std::shared_ptr<StreamEngine> engine, const HostSettings& settings, unsigned playerPort,
	const ServiceRegistry& registry):
	_endpoint(endpoint),
	_engine(std::move(engine)),
	_settings(settings),
	_playerPort(playerPort),
	_registry(registry)
{
}

std::string StreamRoute::method() const
{
	return _endpoint == Endpoint::Start || _endpoint == Endpoint::Stop ? "POST" : "GET";
}

std::string StreamRoute::path() const
{
	switch (_endpoint)
	{
	case Endpoint::Start: return "/start_stream";
	case Endpoint::Stop: return "/stop_stream";
	case Endpoint::Status: return "/stream_status";
	case Endpoint::Metrics: return "/metrics";
	}
	return "";
}

ApiRoute::Access StreamRoute::access() const
{
	return _endpoint == Endpoint::Start || _endpoint == Endpoint::Stop ? Access::Protected : Access::Public;
}

void StreamRoute::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const Identity&)
{
	switch (_endpoint)
	{
	case Endpoint::Start: return start(request, response);
	case Endpoint::Stop: return stop(request, response);
	case Endpoint::Status: return status(request, response);
	case Endpoint::Metrics: return metrics(response);
	}
}

bool StreamRoute::readBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, Poco::JSON::Object::Ptr& body)
{
	std::string text;
	if (RequestBody::isPresent(request) && (!request.hasContentLength() || request.getContentLength64() <= maxBody))
		Poco::StreamCopier::copyToString(request.stream(), text, maxBody + 1);
	if (static_cast<std::streamsize>(text.size()) > maxBody || (request.hasContentLength() && request.getContentLength64() > maxBody))
	{
		// read (a bounded amount of) what the client sends, so it gets the answer instead of a reset
		request.stream().ignore(maxDiscardedBody);
		if (!request.stream().eof()) response.setKeepAlive(false);
		JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "The request body is larger than 16 KiB");
		return false;
	}
	if (text.find_first_not_of(" \t\r\n") == std::string::npos)
	{
		body = new Poco::JSON::Object;
		return true;
	}
	try
	{
		Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(text);
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

void StreamRoute::start(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	Poco::JSON::Object::Ptr body;
	if (!readBody(request, response, body)) return;
	const Poco::Dynamic::Var id = body->get("stream_id");
	Poco::Int64 streamId = 0;
	if (!id.isInteger() || (streamId = id.convert<Poco::Int64>()) <= 0 || streamId > maxStreamId)
		return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "stream_id must be a positive integer");
	const Poco::Dynamic::Var primaryValue = body->get("primary");
	if (!primaryValue.isEmpty() && !primaryValue.isBoolean())
		return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "primary must be true or false");
	const bool primary = primaryValue.isEmpty() || primaryValue.convert<bool>();
	ChannelPipeline::Status started;
	try
	{
		started = _engine->start(streamId, primary);
	}
	catch (const SourceException& exc)
	{
		return JsonResponse::sendError(response, CatalogRoute::statusFor(exc.kind()), exc.message());
	}
	catch (const Poco::IllegalStateException& exc)
	{
		return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_CONFLICT, exc.message());
	}
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("state", ChannelPipeline::describe(started.state));
	answer->set("stream_id", streamId);
	answer->set("name", started.channel.name);
	answer->set("hls_url", primary ? hlsUrl(request) : apiBase(request) + "/live/" + std::to_string(streamId) + ".m3u8");
	answer->set("player_url", playerUrl(request));
	JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, answer);
}

void StreamRoute::stop(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	Poco::JSON::Object::Ptr body;
	if (!readBody(request, response, body)) return;
	Poco::Int64 streamId = 0;
	const Poco::Dynamic::Var id = body->get("stream_id");
	if (!id.isEmpty() && (!id.isInteger() || (streamId = id.convert<Poco::Int64>()) <= 0 || streamId > maxStreamId))
		return JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "stream_id must be a positive integer");
	const bool stopped = _engine->stop(streamId);
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("state", "idle");
	answer->set("stopped", stopped);
	JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, answer);
}

void StreamRoute::status(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	ChannelPipeline::Status status;
	const bool active = _engine->status(0, status);
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	const Poco::Dynamic::Var null;
	answer->set("active", active);
	answer->set("state", active ? ChannelPipeline::describe(status.state) : std::string("idle"));
	answer->set("stream_id", active ? Poco::Dynamic::Var(status.channel.streamId) : null);
	answer->set("name", active ? Poco::Dynamic::Var(status.channel.name) : null);
	answer->set("category_name", active ? Poco::Dynamic::Var(status.channel.categoryName) : null);
	answer->set("started_at", active ? Poco::Dynamic::Var(isoTime(status.startedAt)) : null);
	answer->set("uptime_s", active ? Poco::Dynamic::Var(static_cast<Poco::Int64>(status.startedAt.elapsed() / Poco::Timestamp::resolution())) : null);
	answer->set("viewers", active ? status.viewers : 0);
	answer->set("bitrate_kbps", active ? std::round(status.bitrateKbps) : 0.0);
	answer->set("reconnects", active ? status.reconnects : 0);
	answer->set("hls_url", active ? Poco::Dynamic::Var(hlsUrl(request)) : null);
	answer->set("error", active && !status.error.empty() ? Poco::Dynamic::Var(status.error) : null);
	answer->set("last_packet_at", active && status.hasPackets ? Poco::Dynamic::Var(isoTime(status.lastPacketAt)) : null);
	JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, answer);
}

void StreamRoute::metrics(Poco::Net::HTTPServerResponse& response)
{
	std::ostringstream text;
	text << "# HELP restream_channel_state 1 for the state each running channel is in.\n# TYPE restream_channel_state gauge\n";
	const auto statuses = _engine->statuses();
	for (const auto& status : statuses)
		text << "restream_channel_state{stream_id=\"" << status.channel.streamId << "\",state=\"" << ChannelPipeline::describe(status.state) << "\"} 1\n";
	text << "# HELP restream_viewers Distinct viewers over the last window.\n# TYPE restream_viewers gauge\n";
	for (const auto& status : statuses) text << "restream_viewers{stream_id=\"" << status.channel.streamId << "\"} " << status.viewers << "\n";
	text << "# HELP restream_bytes_served_total Bytes sent to viewers.\n# TYPE restream_bytes_served_total counter\n";
	for (const auto& status : statuses) text << "restream_bytes_served_total{stream_id=\"" << status.channel.streamId << "\"} " << status.bytesServed << "\n";
	text << "# HELP restream_upstream_reconnects_total Reconnections to the provider.\n# TYPE restream_upstream_reconnects_total counter\n";
	for (const auto& status : statuses) text << "restream_upstream_reconnects_total{stream_id=\"" << status.channel.streamId << "\"} " << status.reconnects << "\n";
	text << "# HELP restream_channel_bitrate_kbps Upstream bit rate over the last 10 s.\n# TYPE restream_channel_bitrate_kbps gauge\n";
	for (const auto& status : statuses) text << "restream_channel_bitrate_kbps{stream_id=\"" << status.channel.streamId << "\"} " << status.bitrateKbps << "\n";
	text << "# HELP restream_channels Running channels.\n# TYPE restream_channels gauge\nrestream_channels " << statuses.size() << "\n";
	for (const auto& source : _registry.ownedWithRole<MetricsSource>())
	{
		try
		{
			text << source.second->metrics();
		}
		catch (...)
		{
			text << "# plugin " << source.first << " failed to report its metrics\n";
		}
	}
	const std::string body = text.str();
	response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
	response.setContentType("text/plain; version=0.0.4; charset=utf-8");
	response.set("Cache-Control", "no-store");
	response.setContentLength(static_cast<std::streamsize>(body.size()));
	response.sendBuffer(body.data(), body.size());
}

std::string StreamRoute::apiBase(const Poco::Net::HTTPServerRequest& request) const
{
	return _settings.publicApiUrl.empty() ? "http://" + request.getHost() : _settings.publicApiUrl;
}

std::string StreamRoute::hlsUrl(const Poco::Net::HTTPServerRequest& request) const
{
	return apiBase(request) + "/live.m3u8";
}

std::string StreamRoute::playerUrl(const Poco::Net::HTTPServerRequest& request) const
{
	if (!_settings.publicPlayerUrl.empty()) return _settings.publicPlayerUrl + "/";
	return "http://" + hostWithoutPort(request.getHost()) + ":" + std::to_string(_playerPort) + "/";
}

std::string StreamRoute::summary() const
{
	switch (_endpoint)
	{
	case Endpoint::Start: return "Start a channel {\"stream_id\"} as the primary stream (replacing the current one)";
	case Endpoint::Stop: return "Stop the primary stream (or {\"stream_id\"}); idempotent";
	case Endpoint::Status: return "The primary stream's state, viewers, bit rate and errors";
	case Endpoint::Metrics: return "Prometheus metrics";
	}
	return "";
}

} // namespace restream::host
