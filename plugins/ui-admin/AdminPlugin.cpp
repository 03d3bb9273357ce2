//
// AdminPlugin.cpp
//

#include "AdminPlugin.h"
#include "AdminRoutes.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace uiadmin {

std::vector<restream::Setting> AdminPlugin::settings() const
{
	return {
		restream::Setting::url("apiUrl", "",
			"Where the admin reaches the REST API (http or https) when it is not this process's own; empty: this process's API "
			"(http.api.*)."),
		restream::Setting::seconds("apiTimeout", "10", 1, 300, "Seconds for one call to the API to connect or answer."),
		restream::Setting::integer("sessionIdleTimeout", 60, 1, 7 * 24 * 60, "Minutes after which an unused admin session ends."),
		restream::Setting::integer("maxSessions", 64, 1, 10000, "Admin sessions kept at most; one more ends the one used least recently."),
	};
}

void AdminPlugin::start(restream::PluginContext& context)
{
	const auto& config = context.config();
	AdminSettings settings;
	settings.apiUrl = config.getString("apiUrl");
	while (!settings.apiUrl.empty() && settings.apiUrl.back() == '/') settings.apiUrl.pop_back();
	settings.apiTimeout = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("apiTimeout") * Poco::Timespan::SECONDS));
	settings.sessionIdleTimeout = Poco::Timespan(config.getInt("sessionIdleTimeout") * 60, 0);
	settings.maxSessions = static_cast<std::size_t>(config.getInt("maxSessions"));
	settings.stateDirectory = context.stateDirectory();

	ApiClient::Locator api = [url = settings.apiUrl] { return url; };
	if (settings.apiUrl.empty()) api = [&context] { return context.playbackUrls().localUrl("api"); }; // asked when serving
	const auto tunerUrl = [&context](const restream::RouteRequest& request) { return context.playbackUrls().portUrl("tuner", request); };
	for (const auto& route : AdminRoutes::create(settings, std::move(api), tunerUrl, context.logger()))
		context.registry().add(route.first, route.second);
	context.logger().information("The admin signs in through %s", settings.apiUrl.empty() ? std::string("this process's API") : "the API at " + settings.apiUrl);
}

void AdminPlugin::stop()
{
}

} // namespace uiadmin

RESTREAM_PLUGIN(uiadmin::AdminPlugin, "ui-admin", "1.0.0",
	"The administration site (port admin): sign-in, channels, start/stop, live status, share URLs; a client of the REST API")
