//
// M3uOutputPlugin.cpp
//

#include "M3uOutputPlugin.h"
#include "LiveLineup.h"
#include "PlaylistRoute.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace m3uoutput {

std::vector<restream::Setting> M3uOutputPlugin::settings() const
{
	using restream::Setting;
	return {
		Setting::list("formats", "hls",
			"Playback formats of the playlist's URLs, in order of preference (hls, ts, ...: the formats the loaded outputs register); "
			"a channel served in none of them is left out."),
		Setting::text("port", "api", "The port that serves /playlist.m3u (api, tuner, ...: one of http.ports)."),
	};
}

void M3uOutputPlugin::start(restream::PluginContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	std::vector<std::string> formats;
	const Poco::StringTokenizer listed(config.getString("formats"), ",",
		Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const std::string& format : listed) formats.push_back(Poco::toLower(format));
	if (formats.empty()) throw Poco::InvalidArgumentException("setting formats must name at least one playback format, e.g. hls");
	const std::string port = Poco::trim(config.getString("port"));
	if (port.empty()) throw Poco::InvalidArgumentException("setting port must name a port, e.g. api");

	// the services exist now, and see every plugin once all have started: they are used when serving only
	auto lineup = std::make_shared<const LiveLineup>(context.channels(), context.catalog(), context.playbackUrls(), formats,
		context.logger());
	context.registry().add("output-m3u.playlist", std::make_shared<PlaylistRoute>(lineup, port, context.logger()));
	context.logger().information("GET /playlist.m3u on port %s: the live channels, with their URLs in %s", port,
		Poco::cat(std::string(", "), formats.begin(), formats.end()));
}

void M3uOutputPlugin::stop()
{
}

} // namespace m3uoutput

RESTREAM_PLUGIN(m3uoutput::M3uOutputPlugin, "output-m3u", "2.0.0",
	"The channels live now as an M3U playlist at /playlist.m3u (catalog metadata, URLs of the loaded outputs), for Jellyfin's M3U tuner and VLC")
