//
// StopStreamRoute.cpp
//

#include "api/StopStreamRoute.h"
#include "api/RequestFields.h"

namespace restream::host {

StopStreamRoute::StopStreamRoute(Channels& channels):
	FixedRoute("POST", "/stop_stream", Access::Protected, "End the program (or stop {\"stream_id\"}); idempotent"),
	_channels(channels)
{
}

void StopStreamRoute::handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response)
{
	Poco::JSON::Object::Ptr body;
	if (!RequestFields::object(request, *response, body)) return;
	Poco::Int64 streamId = 0;
	const Poco::Dynamic::Var id = body->get("stream_id");
	if (!id.isEmpty() && !RequestFields::streamId(id, streamId))
		return response->sendError(400, "stream_id must be a whole number from 1 to 2^53 - 1");
	const std::string requestedBy = "the API (" + request.caller.subject + ")";
	bool stopped = false;
	if (streamId != 0)
	{
		stopped = _channels.stop(streamId, requestedBy);
	}
	else
	{
		stopped = _channels.program() != 0;
		_channels.setProgram(0, requestedBy);
	}
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("state", "idle");
	answer->set("stopped", stopped);
	response->sendJson(200, answer);
}

} // namespace restream::host
