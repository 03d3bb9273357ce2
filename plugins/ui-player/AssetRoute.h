//
// AssetRoute.h
//
// GET of the player's embedded script, style and icon.
//

#ifndef uiplayer_AssetRoute_INCLUDED
#define uiplayer_AssetRoute_INCLUDED

#include "PlayerRoute.h"
#include "restream/WebAssets.h"
#include <memory>

namespace uiplayer {

class AssetRoute : public PlayerRoute
	/// GET of path, "/favicon.svg" or the prefix "/assets/*": the embedded
	/// file of exactly the request's path (a URL never reaches the file
	/// system), 404 for any other. Cached for a year (immutable) only under
	/// the URL of this very content (?v= its ETag, as the page links it):
	/// an old page's URL after an upgrade (or a rollback) must not pin
	/// another version; five minutes otherwise. If-None-Match gets 304.
	/// Threads: any. Errors: none.
{
public:
	AssetRoute(std::string path, std::shared_ptr<const restream::WebAssets> assets);

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

	bool quick() const override;
		/// True: the files are in memory.

private:
	const std::shared_ptr<const restream::WebAssets> _assets;
};

} // namespace uiplayer

#endif // uiplayer_AssetRoute_INCLUDED
