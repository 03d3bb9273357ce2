//
// HdhrPlugin.cpp
//

#include "HdhrPlugin.h"
#include "ChannelNumbers.h"
#include "DeviceIdentity.h"
#include "DeviceXmlRoute.h"
#include "DiscoverRoute.h"
#include "GuideRoute.h"
#include "Lineup.h"
#include "LineupPostRoute.h"
#include "LineupRoute.h"
#include "LineupStatusRoute.h"
#include "PlaylistRoute.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <set>

namespace outputhdhr {

std::vector<restream::Setting> HdhrPlugin::settings() const
{
	return {
		restream::Setting::text("friendlyName", "restream", "The tuner's name in Plex, Jellyfin and Emby"),
		restream::Setting::list("categories", "",
			"Category ids whose channels make the lineup, M3U and guide (empty: every channel). Plex takes about 480 channels per DVR"),
		restream::Setting::seconds("guideTtl", "21600", 300, 604800,
			"Seconds the filtered XMLTV guide is kept before it is downloaded and filtered again in the background"),
		restream::Setting::boolean("discovery", true,
			"Answer HDHomeRun's UDP discovery (how Jellyfin and Emby find tuners) from LAN clients on discoveryPort"),
		restream::Setting::integer("discoveryPort", 65001, 1, 65535, "The UDP port of HDHomeRun discovery (clients send to 65001)"),
		restream::Setting::boolean("ssdp", true, "Answer SSDP (UPnP) searches (how Plex finds tuners) from LAN clients on ssdpPort"),
		restream::Setting::integer("ssdpPort", 1900, 1, 65535, "The UDP port of SSDP searches (clients send to 1900)"),
	};
}

void HdhrPlugin::start(restream::PluginContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	Poco::Logger& logger = context.logger();
	const std::string& state = context.stateDirectory();
	std::set<std::string> categories;
	for (const auto& id : Poco::StringTokenizer(config.getString("categories"), ",",
			 Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY))
		categories.insert(id);
	const std::string friendlyName = config.getString("friendlyName");
	const Poco::Timespan guideTtl(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("guideTtl") * 1e6));

	const DeviceIdentity identity = DeviceIdentity::load(state, logger);
	auto lineup = std::make_shared<Lineup>(context.catalog(), categories,
		ChannelNumbers(Poco::Path(state, "numbers.json").toString(), logger));
	_guide = std::make_shared<GuideCache>(context.catalog(), state, guideTtl, logger);

	restream::Registry& registry = context.registry();
	const restream::PlaybackUrls& urls = context.playbackUrls();
	registry.add("output-hdhr.discover", std::make_shared<DiscoverRoute>(identity, friendlyName, context.channels(), urls, logger));
	registry.add("output-hdhr.device", std::make_shared<DeviceXmlRoute>(identity, friendlyName, urls, logger));
	registry.add("output-hdhr.lineup", std::make_shared<LineupRoute>(lineup, urls, logger));
	registry.add("output-hdhr.lineup-status", std::make_shared<LineupStatusRoute>(logger));
	registry.add("output-hdhr.lineup-post", std::make_shared<LineupPostRoute>(logger));
	registry.add("output-hdhr.playlist", std::make_shared<PlaylistRoute>(lineup, urls, logger));
	registry.add("output-hdhr.guide", std::make_shared<GuideRoute>(lineup, _guide, logger));
	_guide->start();
	if (config.getBool("discovery"))
	{
		_discovery = std::make_unique<DiscoveryResponder>(identity, context);
		_discovery->start(static_cast<Poco::UInt16>(config.getInt("discoveryPort")));
	}
	if (config.getBool("ssdp"))
	{
		_ssdp = std::make_unique<SsdpResponder>(identity.uuid(), context);
		_ssdp->start(static_cast<Poco::UInt16>(config.getInt("ssdpPort")));
	}

	logger.information("HDHomeRun tuner %s (DeviceID %s) on the tuner port: /discover.json, /lineup.json, /playlist.m3u, /epg.xml; %s",
		friendlyName, identity.deviceId(),
		categories.empty() ? std::string("every channel") : std::to_string(categories.size()) + " categorie(s)");
}

void HdhrPlugin::stop()
{
	_ssdp.reset(); // each stops its thread and closes its socket
	_discovery.reset();
	_guide->stop();
	_guide.reset();
}

} // namespace outputhdhr

RESTREAM_PLUGIN(outputhdhr::HdhrPlugin, "output-hdhr", "1.0.0",
	"HDHomeRun emulation for Plex, Jellyfin and Emby on the tuner port, with an M3U Plus playlist and the XMLTV guide filtered to the lineup")
