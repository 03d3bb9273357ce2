//
// XtreamPlugin.cpp
//

#include "XtreamPlugin.h"
#include "ServerAddress.h"
#include "XtreamSettings.h"
#include "XtreamSource.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace sourcextream {

namespace {

const std::string CA_DIRECTORY = "/etc/ssl/certs";

} // namespace

std::vector<restream::Setting> XtreamPlugin::settings() const
{
	using restream::Setting;
	return {
		Setting::url("url", "",
			"The provider's server, e.g. http://example.org:8080 (a pasted player_api.php or get.php URL works too). "
			"Empty: no provider, the plugin registers no source.",
			"XTREAM_API_URL"),
		Setting::secret("username", "The account's username (masked in logs).", "XTREAM_USERNAME"),
		Setting::secret("password", "The account's password (masked in logs).", "XTREAM_PASSWORD"),
		Setting::text("userAgent", "VLC/3.0.18 LibVLC/3.0.18",
			"The User-Agent sent to the provider, for the API, the guide and the streams (some panels accept only players "
			"they know)."),
		Setting::integer("timeout", 10, 1, 300,
			"Seconds allowed to connect, to send and for each wait for data of one provider call; a whole catalog call may "
			"last 12 times as long."),
		Setting::text("outputFormat", "ts",
			"ts (MPEG-TS) or m3u8 (HLS), the form in which streams are pulled; ts falls back to m3u8 when the account allows "
			"only m3u8."),
		Setting::boolean("tlsVerify", true, "Whether the certificate of an https provider is verified (chain and host name)."),
	};
}

void XtreamPlugin::start(restream::PluginContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	const std::string url = config.getString("url");
	if (url.empty())
	{
		context.logger().information("No provider configured (setting url, XTREAM_API_URL, is empty): no Xtream source registered");
		return;
	}

	std::unique_ptr<ServerAddress> server;
	try
	{
		server.reset(new ServerAddress(url));
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		throw Poco::InvalidArgumentException("setting url (XTREAM_API_URL) is not a provider's address: " + exc.message());
	}

	XtreamSettings settings;
	settings.username = config.getRawString("username");
	settings.password = config.getRawString("password");
	if (settings.username.empty() || settings.password.empty())
		throw Poco::InvalidArgumentException(
			"settings username and password (XTREAM_USERNAME, XTREAM_PASSWORD) must both be set when url is set");
	const std::string path = server->basePath() + "/";
	for (const std::string* secret : {&settings.username, &settings.password})
	{
		if (path.find("/" + *secret + "/") != std::string::npos)
			throw Poco::InvalidArgumentException(
				"setting url (XTREAM_API_URL) has the username or password in its path: give the server only, as http://host:port");
	}
	settings.userAgent = config.getString("userAgent");
	settings.timeout = Poco::Timespan(config.getInt("timeout"), 0);
	const std::string outputFormat = config.getString("outputFormat");
	if (outputFormat != "ts" && outputFormat != "m3u8")
		throw Poco::InvalidArgumentException("setting outputFormat must be ts or m3u8, not '" + outputFormat + "'");
	settings.hls = outputFormat == "m3u8";
	const bool verify = config.getBool("tlsVerify");

	context.registry().add("source-xtream", std::make_shared<XtreamSource>(context, *server, settings, tlsContext(verify, context)));
	context.logger().information("Xtream source for %s (streams as %s%s)", server->baseUrl(), outputFormat,
		std::string(verify ? "" : ", TLS certificates not verified"));
}

void XtreamPlugin::stop()
{
}

Poco::Net::Context::Ptr XtreamPlugin::tlsContext(bool verify, restream::PluginContext& context)
{
	Poco::Net::Context::Params params;
	params.verificationMode = verify ? Poco::Net::Context::VERIFY_RELAXED : Poco::Net::Context::VERIFY_NONE;
	params.loadDefaultCAs = true;
	const Poco::File caDirectory(CA_DIRECTORY);
	if (caDirectory.exists() && caDirectory.isDirectory()) params.caLocation = CA_DIRECTORY;
	else if (verify)
		context.logger().warning("No CA certificates in %s (package ca-certificates): https providers may fail verification",
			CA_DIRECTORY);
	return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

} // namespace sourcextream

RESTREAM_PLUGIN(sourcextream::XtreamPlugin, "source-xtream", "1.0.0",
	"Live channels and their XMLTV guide from an Xtream Codes provider (player_api.php, xmltv.php), pulled as MPEG-TS or HLS")
