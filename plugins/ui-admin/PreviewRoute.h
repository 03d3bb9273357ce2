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
	/// plugin makes one route per path:
	///   GET /preview/live.m3u8   the API's GET /live.m3u8
	///   GET /preview/hls/*       the API's GET /hls/<digits or program>/<name>.ts, for
	///                            exactly that shape (isSegmentPath()): the
	///                            playlist's relative segment URIs resolve here
	/// Anything else under /preview/hls/ is 404 and never reaches the API.
	/// The preview is BACKGROUND: it does not keep a session alive.
	/// Immutable; any thread. Errors: see UiEndpoint and ApiProxy.
{
public:
	PreviewRoute(std::string path, std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions,
		std::shared_ptr<const Translations> translations);

	static bool isSegmentPath(const std::string& path);
		/// True for exactly "/preview/hls/<1-19 digits or program>/<name>.ts", name being
		/// 1 to 64 characters of [0-9a-z-].

protected:
	void serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
		const AdminSession& session) override;

private:
	const std::shared_ptr<const ApiProxy> _proxy;
};

} // namespace uiadmin

#endif // uiadmin_PreviewRoute_INCLUDED
