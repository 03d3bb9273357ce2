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
	/// system), 404 for any other; cached as WebAssets::sendLinked() says.
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
