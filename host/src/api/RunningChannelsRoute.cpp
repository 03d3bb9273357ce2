//
// RunningChannelsRoute.cpp
//

#include "api/RunningChannelsRoute.h"
#include "api/StatusJson.h"

namespace restream::host {

RunningChannelsRoute::RunningChannelsRoute(const Channels& channels, const PlaybackUrls& urls):
	FixedRoute("GET", "/running_channels", Access::Protected, "Every running channel, who holds it and its URLs"),
	_channels(channels),
	_urls(urls)
{
}

void RunningChannelsRoute::handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response)
{
	Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
	for (const auto& status : _channels.list()) list->add(StatusJson::channel(status, _urls.channel(status.channel.streamId, request)));
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	const Poco::Int64 program = _channels.program();
	answer->set("program", program != 0 ? Poco::Dynamic::Var(program) : Poco::Dynamic::Var());
	answer->set("channels", list);
	response->sendJson(200, answer);
}

} // namespace restream::host
