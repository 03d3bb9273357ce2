//
// StartRoute.h
//
// POST /ui/start: starting a channel.
//

#ifndef uiadmin_StartRoute_INCLUDED
#define uiadmin_StartRoute_INCLUDED

#include "ApiProxy.h"
#include "UiEndpoint.h"
#include <memory>

namespace uiadmin {

class StartRoute : public UiEndpoint
	/// POST /ui/start {"stream_id": <StreamId>}, answered by the API's POST
	/// /start_stream with {"stream_id"} written again (nothing else of the
	/// browser's body reaches the API). A body that is not that is 400. The
	/// API's refusals pass through with their {"detail", "error_code"}.
	/// Immutable; any thread. Errors: see UiEndpoint and ApiProxy.
{
public:
	StartRoute(std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions, std::shared_ptr<const Translations> translations);

protected:
	void serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
		const AdminSession& session) override;

private:
	const std::shared_ptr<const ApiProxy> _proxy;
};

} // namespace uiadmin

#endif // uiadmin_StartRoute_INCLUDED
