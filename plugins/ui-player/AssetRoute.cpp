//
// AssetRoute.cpp
//

#include "AssetRoute.h"

namespace uiplayer {

namespace {

const char* const VERSIONED_CACHE = "public, max-age=31536000, immutable";
const char* const CACHE = "public, max-age=300";

} // namespace

AssetRoute::AssetRoute(std::string path, std::shared_ptr<const restream::WebAssets> assets):
	PlayerRoute(std::move(path)),
	_assets(std::move(assets))
{
}

void AssetRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	const restream::WebAsset* asset = _assets->find(request.path);
	if (!asset) return response->sendError(404, "Not Found");
	const bool current = request.hasParameter("v") && "\"" + request.parameter("v") + "\"" == _assets->etag(*asset);
	_assets->send(*asset, request, *response, current ? VERSIONED_CACHE : CACHE);
}

bool AssetRoute::quick() const
{
	return true;
}

} // namespace uiplayer
