//
// StartStreamRoute.cpp
//

#include "api/StartStreamRoute.h"
#include "api/ErrorAnswers.h"
#include "api/RequestFields.h"
#include "api/StatusJson.h"

namespace restream::host {

StartStreamRoute::StartStreamRoute(Channels& channels, const PlaybackUrls& urls):
	FixedRoute("POST", "/start_stream", Access::Protected,
		"Start a channel {\"stream_id\"}: on air at /live.m3u8 (the default), or with \"primary\": false on its own"),
	_channels(channels),
	_urls(urls)
{
}

void StartStreamRoute::handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response)
{
	Poco::JSON::Object::Ptr body;
	if (!RequestFields::object(request, *response, body)) return;
	Poco::Int64 streamId = 0;
	if (!RequestFields::streamId(body->get("stream_id"), streamId))
		return response->sendError(400, "stream_id must be a whole number from 1 to 2^53 - 1");
	const Poco::Dynamic::Var primaryValue = body->get("primary");
	if (!primaryValue.isEmpty() && !primaryValue.isBoolean()) return response->sendError(400, "primary must be true or false");
	const bool primary = primaryValue.isEmpty() || primaryValue.convert<bool>();
	try
	{
		if (primary)
			_channels.setProgram(streamId, "the API (" + request.caller.subject + ")");
		else
			_channels.start(streamId, "the API (" + request.caller.subject + ")");
	}
	catch (const ChannelException& exc)
	{
		return ErrorAnswers::channel(*response, exc);
	}
	ChannelStatus status;
	_channels.status(streamId, status);
	const std::vector<PlaybackUrl> urls = primary ? _urls.program(request) : _urls.channel(streamId, request);
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("state", std::string(ChannelStatus::describe(status.state)));
	answer->set("stream_id", streamId);
	answer->set("name", status.channel.name);
	answer->set("hls_url", StatusJson::firstOf(urls, "hls"));
	answer->set("urls", StatusJson::urls(urls));
	answer->set("player_url", _urls.portUrl("player", request) + "/");
	response->sendJson(200, answer);
}

} // namespace restream::host
