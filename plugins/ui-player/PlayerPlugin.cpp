//
// PlayerPlugin.cpp
//

#include "PlayerPlugin.h"
#include "PlayerHandlerFactory.h"
#include "PlayerSettings.h"
#include "PlayerSite.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace restream {
namespace player {

namespace {

std::string withoutTrailingSlash(std::string url)
{
	while (!url.empty() && url.back() == '/') url.pop_back();
	return url;
}

std::string checkedApiUrl(const std::string& url)
{
	if (url.empty()) return url;
	try
	{
		const Poco::URI uri(url);
		const std::string scheme = Poco::toLower(uri.getScheme());
		if ((scheme == "http" || scheme == "https") && !uri.getHost().empty() && uri.getQuery().empty() && uri.getFragment().empty())
			return withoutTrailingSlash(url);
	}
	catch (const Poco::SyntaxException&)
	{
	}
	throw Poco::InvalidArgumentException("The API URL '" + url + "' is not an absolute http(s) URL (e.g. https://api.example.org)");
}

} // namespace

std::vector<Setting> PlayerPlugin::settings() const
{
	return {
		{"apiUrl", "",
			"The API's base URL as the viewer's browser reaches it (e.g. https://api.example.org); empty: public.apiUrl, "
			"else the page's own host name with apiPort.",
			"", false},
		{"apiPort", "8002", "The API port used when the API URL is derived from the page's host name.", "", false},
		{"frameAncestors", "'self'",
			"Who may embed the player in a frame: CSP frame-ancestors sources, e.g. 'self' https://blog.example.org.", "", false},
		{"title", "restream", "The page title shown when nothing is live.", "", false},
	};
}

void PlayerPlugin::start(PluginContext& context)
{
	const auto& config = context.config();
	PlayerSettings settings;
	settings.apiUrl = checkedApiUrl(config.getString("apiUrl", "").empty() ? context.publicApiUrl() : config.getString("apiUrl"));
	unsigned port = 0;
	if (!Poco::NumberParser::tryParseUnsigned(config.getString("apiPort", "8002"), port) || port == 0 || port > 65535)
		throw Poco::InvalidArgumentException("apiPort must be a port number from 1 to 65535");
	settings.apiPort = static_cast<Poco::UInt16>(port);
	settings.frameAncestors = config.getString("frameAncestors", "'self'");
	if (settings.frameAncestors.find_first_of(";,\r\n") != std::string::npos)
		throw Poco::InvalidArgumentException("frameAncestors is a space-separated list of CSP sources, without ';' or ','");
	settings.title = config.getString("title", "restream");
	auto site = std::make_shared<PlayerSite>(settings);
	context.registry().add("ui-player", std::make_shared<PlayerHandlerFactory>(site));
}

void PlayerPlugin::stop()
{
}

} // namespace player
} // namespace restream

RESTREAM_PLUGIN(restream::player::PlayerPlugin, "ui-player", "1.0.0",
	"The public live player (hls.js): plays the active stream as soon as it is live and follows it")
