//
// PreflightRoute.h
//
// OPTIONS on output-hls's paths: CORS preflight.
//

#ifndef restream_hls_PreflightRoute_INCLUDED
#define restream_hls_PreflightRoute_INCLUDED

#include "restream/ApiRoute.h"
#include <string>

namespace restream {
namespace hls {

class PreflightRoute : public ApiRoute
	/// A public OPTIONS route for one of the paths of the GET routes, so that
	/// browsers may fetch playlists and segments from any origin (the host's
	/// own OPTIONS answer carries no CORS headers). Stateless.
	///
	/// Threads: handleRequest() is called concurrently.
{
public:
	explicit PreflightRoute(const std::string& path);
		/// path as the GET route's (exact or prefix).

	std::string method() const override;
	std::string path() const override;
	Access access() const override;

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		const Identity& caller) override;

private:
	const std::string _path;
};

} // namespace hls
} // namespace restream

#endif // restream_hls_PreflightRoute_INCLUDED
