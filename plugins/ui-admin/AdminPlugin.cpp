//
// AdminPlugin.cpp
//

#include "AdminPlugin.h"
#include "AdminHandlerFactory.h"
#include "AdminSettings.h"
#include "AdminSite.h"
#include "HostAllowlist.h"
#include "NetworkList.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace restream {
namespace admin {

namespace {

const char* const PRIVATE_NETWORKS = "127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16, fc00::/7, fe80::/10";

std::string withoutTrailingSlash(std::string url)
{
	while (!url.empty() && url.back() == '/') url.pop_back();
	return url;
}

std::string checkedApiUrl(const std::string& url)
{
	try
	{
		const Poco::URI uri(url);
		const std::string scheme = Poco::toLower(uri.getScheme());
		if ((scheme == "http" || scheme == "https") && !uri.getHost().empty() && uri.getQuery().empty() && uri.getFragment().empty() &&
			uri.getUserInfo().empty())
			return withoutTrailingSlash(url);
	}
	catch (const Poco::SyntaxException&)
	{
	}
	throw Poco::InvalidArgumentException("setting apiUrl must be an absolute http(s) URL such as http://127.0.0.1:8002, not '" + url + "'");
}

unsigned number(const Poco::Util::AbstractConfiguration& config, const std::string& key, unsigned minimum, unsigned maximum)
{
	const std::string text = Poco::trim(config.getString(key, ""));
	unsigned value = 0;
	if (!Poco::NumberParser::tryParseUnsigned(text, value) || value < minimum || value > maximum)
		throw Poco::InvalidArgumentException("setting " + key + " must be a number from " + std::to_string(minimum) + " to " +
			std::to_string(maximum) + ", not '" + text + "'");
	return value;
}

} // namespace

std::vector<Setting> AdminPlugin::settings() const
{
	return {
		{"apiUrl", "http://127.0.0.1:8002",
			"Where the admin reaches the REST API (http or https); the admin is a client of it and may run on another machine.", "",
			false},
		{"apiTimeout", "10", "Seconds for one call to the API to connect or answer.", "", false},
		{"allowedNetworks", PRIVATE_NETWORKS,
			"Clients the admin answers: comma-separated networks (CIDR); 'any' or 0.0.0.0/0 opens it to every address.", "", false},
		{"allowedHosts", "",
			"Host names the admin answers besides IP addresses, localhost, single labels (nas) and names under .local, .lan, "
			".home.arpa, .internal and .localdomain: comma-separated (admin.example.org); '*' accepts any name.",
			"", false},
		{"sessionIdleTimeout", "60", "Minutes after which an unused admin session ends.", "", false},
		{"maxSessions", "64", "Admin sessions kept at most; one more ends the one used least recently.", "", false},
		{"playerPort", "8003", "The player port in the shared player URL when public.playerUrl is empty.", "", false},
	};
}

void AdminPlugin::start(PluginContext& context)
{
	const auto& config = context.config();
	AdminSettings settings;
	settings.apiUrl = checkedApiUrl(Poco::trim(config.getString("apiUrl", "")));
	settings.apiTimeout = Poco::Timespan(static_cast<long>(number(config, "apiTimeout", 1, 300)), 0);
	settings.allowedNetworks = config.getString("allowedNetworks", PRIVATE_NETWORKS);
	try
	{
		NetworkList{settings.allowedNetworks};
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		throw Poco::InvalidArgumentException("setting allowedNetworks: " + exc.message());
	}
	settings.allowedHosts = config.getString("allowedHosts", "");
	try
	{
		HostAllowlist{settings.allowedHosts};
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		throw Poco::InvalidArgumentException("setting allowedHosts: " + exc.message());
	}
	settings.sessionIdleTimeout = Poco::Timespan(static_cast<long>(number(config, "sessionIdleTimeout", 1, 7 * 24 * 60)) * 60, 0);
	settings.maxSessions = number(config, "maxSessions", 1, 10000);
	settings.playerPort = static_cast<Poco::UInt16>(number(config, "playerPort", 1, 65535));
	settings.publicApiUrl = withoutTrailingSlash(context.publicApiUrl());
	settings.publicPlayerUrl = withoutTrailingSlash(context.publicPlayerUrl());
	settings.stateDirectory = context.stateDirectory();
	auto site = std::make_shared<AdminSite>(settings, context);
	context.registry().add("ui-admin", std::make_shared<AdminHandlerFactory>(site));
	context.logger().information("The admin signs in through the API at %s; it answers %s", settings.apiUrl, settings.allowedNetworks);
}

void AdminPlugin::stop()
{
}

} // namespace admin
} // namespace restream

RESTREAM_PLUGIN(restream::admin::AdminPlugin, "ui-admin", "1.0.0",
	"The administration site (port admin): sign-in, channels, start/stop, live status, share URLs; a client of the REST API")
