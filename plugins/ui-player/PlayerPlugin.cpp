//
// PlayerPlugin.cpp
//

#include "PlayerPlugin.h"
#include "PlayerRoutes.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Exception.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace uiplayer {

std::vector<restream::Setting> PlayerPlugin::settings() const
{
	return {
		restream::Setting::url("apiUrl", "",
			"The API's base URL as the viewer's browser reaches it (e.g. https://api.example.org); empty: the API port's public URL "
			"(public.apiUrl, else the page's own host name with http.api.port). The page's CSP allows only this origin besides its own."),
		restream::Setting::text("frameAncestors", "'self'",
			"Who may embed the player in a frame: CSP frame-ancestors sources, e.g. 'self' https://blog.example.org."),
		restream::Setting::text("title", "restream", "The page title shown when nothing is live."),
	};
}

void PlayerPlugin::start(restream::PluginContext& context)
{
	const auto& config = context.config();
	PlayerSettings settings;
	settings.apiUrl = config.getString("apiUrl");
	while (!settings.apiUrl.empty() && settings.apiUrl.back() == '/') settings.apiUrl.pop_back();
	settings.frameAncestors = config.getString("frameAncestors");
	if (settings.frameAncestors.find_first_of(";,\r\n") != std::string::npos)
		throw Poco::InvalidArgumentException("setting frameAncestors is a space-separated list of CSP sources, without ';' or ','");
	settings.title = config.getString("title");
	const auto apiPortUrl = [&context](const restream::RouteRequest& request) { return context.playbackUrls().portUrl("api", request); };
	for (const auto& route : PlayerRoutes::create(settings, apiPortUrl)) context.registry().add(route.first, route.second);
}

void PlayerPlugin::stop()
{
}

} // namespace uiplayer

RESTREAM_PLUGIN(uiplayer::PlayerPlugin, "ui-player", "1.0.0",
	"The public live player (hls.js): plays the active stream as soon as it is live and follows it")
