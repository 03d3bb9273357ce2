//
// PreviewRoute.h
//
// GET /preview/...: the dashboard's muted preview of the program.
//

#ifndef uiadmin_PreviewRoute_INCLUDED
#define uiadmin_PreviewRoute_INCLUDED

#include "ApiProxy.h"
#include "UiEndpoint.h"
#include <memory>

namespace uiadmin {

class PreviewRoute : public UiEndpoint
	/// The program's HLS through the admin, so that the preview plays
	/// wherever the admin works (the API's token stays on the server); the
	/// plugin makes one route per path (PreviewPaths gives the shapes):
	///   GET /preview/live.m3u8      the API's GET /live.m3u8
	///   GET /preview/live.ll.m3u8   the API's GET /live.ll.m3u8, with the
	///                               blocking reload directives only, checked
	///                               and rebuilt (400 when malformed)
	///   GET /preview/hls/*          the API's GET /hls/..., for exactly the
	///                               shapes of its segments, init segments and
	///                               parts: the playlists' relative URIs
	///                               resolve here
	/// Anything else under /preview/hls/ is 404 and never reaches the API.
	/// The preview is BACKGROUND: it does not keep a session alive.
	/// Immutable; any thread. Errors: see UiEndpoint and ApiProxy.
{
public:
	PreviewRoute(std::string path, std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions,
		std::shared_ptr<const Translations> translations);

protected:
	void serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
		const AdminSession& session) override;

private:
	const std::shared_ptr<const ApiProxy> _proxy;
};

} // namespace uiadmin

#endif // uiadmin_PreviewRoute_INCLUDED
