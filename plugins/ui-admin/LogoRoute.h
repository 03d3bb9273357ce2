//
// LogoRoute.h
//
// GET /ui/logos/<stream_id>: a channel's logo, through the admin.
//

#ifndef uiadmin_LogoRoute_INCLUDED
#define uiadmin_LogoRoute_INCLUDED

#include "ApiProxy.h"
#include "UiEndpoint.h"
#include <memory>

namespace uiadmin {

class LogoRoute : public UiEndpoint
	/// GET /ui/logos/<stream_id>: the API's GET /channels/<stream_id>/logo
	/// with the session's token (ApiProxy::image()), the logo restream
	/// fetched and checked itself: the dashboard shows logos from its own
	/// origin only, and the browser never fetches a URL the provider chose.
	/// Anything after /ui/logos/ that is not a stream_id (StreamId::parse())
	/// is 404 and never reaches the API. BACKGROUND: the list's images do
	/// not keep a session alive. Immutable; any thread. Errors: see
	/// UiEndpoint and ApiProxy.
{
public:
	LogoRoute(std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions,
		std::shared_ptr<const Translations> translations);

protected:
	void serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
		const AdminSession& session) override;

private:
	const std::shared_ptr<const ApiProxy> _proxy;
};

} // namespace uiadmin

#endif // uiadmin_LogoRoute_INCLUDED
