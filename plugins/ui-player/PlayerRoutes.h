//
// PlayerRoutes.h
//
// Every route of the player port.
//

#ifndef uiplayer_PlayerRoutes_INCLUDED
#define uiplayer_PlayerRoutes_INCLUDED

#include "PlayerPage.h"
#include "PlayerSettings.h"
#include "restream/Route.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace uiplayer {

class PlayerRoutes
	/// The player port: GET / (PlayerPage), GET /assets/* and /favicon.svg
	/// (restream::AssetRoute), sharing the embedded files. Any other path or method is
	/// the host's 404 or 405.
	/// Errors: create() throws when the embedded page is broken (see PlayerPage).
{
public:
	using Named = std::vector<std::pair<std::string, std::shared_ptr<restream::Route>>>;
		/// Each route with its name in the registry ("ui-player.page", ...).

	static Named create(const PlayerSettings& settings, PlayerPage::ApiPortUrl apiPortUrl);
};

} // namespace uiplayer

#endif // uiplayer_PlayerRoutes_INCLUDED
