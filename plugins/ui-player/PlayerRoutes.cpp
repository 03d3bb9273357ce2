//
// PlayerRoutes.cpp
//

#include "PlayerRoutes.h"
#include "restream/AssetRoute.h"
#include "uiplayerWebAssets.h"

namespace uiplayer {

PlayerRoutes::Named PlayerRoutes::create(const PlayerSettings& settings, PlayerPage::ApiPortUrl apiPortUrl)
{
	const auto assets = std::make_shared<const restream::WebAssets>(webAssets());
	return {
		{"ui-player.page", std::make_shared<PlayerPage>(settings, *assets, std::move(apiPortUrl))},
		{"ui-player.assets", std::make_shared<restream::AssetRoute>("player", "/assets/*", assets)},
		{"ui-player.favicon", std::make_shared<restream::AssetRoute>("player", "/favicon.svg", assets)},
	};
}

} // namespace uiplayer
