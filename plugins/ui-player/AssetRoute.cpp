//
// AssetRoute.cpp
//

#include "AssetRoute.h"

namespace uiplayer {

AssetRoute::AssetRoute(std::string path, std::shared_ptr<const restream::WebAssets> assets):
	PlayerRoute(std::move(path)),
	_assets(std::move(assets))
{
}

void AssetRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	const restream::WebAsset* asset = _assets->find(request.path);
	if (!asset) return response->sendError(404, "Not Found");
	_assets->sendLinked(*asset, request, *response);
}

bool AssetRoute::quick() const
{
	return true;
}

} // namespace uiplayer
