//
// StartRoute.cpp
//

#include "StartRoute.h"
#include "StreamId.h"

namespace uiadmin {

StartRoute::StartRoute(std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions, std::shared_ptr<const Translations> translations):
	UiEndpoint("POST", "/ui/start", SessionStore::ACTIVE, std::move(sessions), std::move(translations)),
	_proxy(std::move(proxy))
{
}

void StartRoute::serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
	const AdminSession& session)
{
	Poco::JSON::Object::Ptr body;
	if (!readJson(request, *response, body)) return;
	Poco::Int64 streamId = 0;
	if (!StreamId::read(body->get("stream_id"), streamId)) return response->sendError(400, "stream_id must be a positive integer");
	_proxy->json(request, *response, session, "POST", "/start_stream", "{\"stream_id\":" + std::to_string(streamId) + "}");
}

} // namespace uiadmin
