//
// M3uOutputPlugin.cpp
//

#include "M3uOutputPlugin.h"
#include "ChannelGuide.h"
#include "LiveTable.h"
#include "M3uOutput.h"
#include "PlaylistRoute.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace m3uoutput {

std::vector<restream::Setting> M3uOutputPlugin::settings() const
{
	return {
		{"source", "", "The source service whose tvg-id and logos the playlist uses (empty: the first source registered).", "", false},
		{"guideTtl", "3600", "Seconds the source's channel list (tvg-id, logos) is kept.", "", false},
	};
}

void M3uOutputPlugin::start(restream::PluginContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	int ttl = 0;
	const std::string ttlText = config.getString("guideTtl");
	if (!Poco::NumberParser::tryParse(Poco::trim(ttlText), ttl) || ttl < 1 || ttl > 86400)
		throw Poco::InvalidArgumentException("setting guideTtl must be a number of seconds from 1 to 86400, not '" + ttlText + "'");

	auto table = std::make_shared<LiveTable>();
	auto guide = std::make_shared<ChannelGuide>(context, Poco::trim(config.getString("source")), Poco::Timespan(ttl, 0));
	context.registry().add("output-m3u", std::make_shared<M3uOutput>(table));
	context.registry().add("output-m3u.playlist", std::make_shared<PlaylistRoute>(table, guide, context));
	context.logger().information("registered output 'output-m3u' and GET /playlist.m3u");
}

void M3uOutputPlugin::stop()
{
}

} // namespace m3uoutput

RESTREAM_PLUGIN(m3uoutput::M3uOutputPlugin, "output-m3u", "1.0.0",
	"The live channels as an M3U playlist at /playlist.m3u, for Jellyfin's M3U tuner and VLC")
