//
// M3uPlugin.cpp
//

#include "M3uPlugin.h"
#include "M3uSource.h"
#include "PlaylistCredentials.h"
#include "PlaylistLoader.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace m3usource {

std::vector<restream::Setting> M3uPlugin::settings() const
{
	using restream::Setting;
	return {
		// a secret, not a Url: it may be a file path, and the host masks its value in every log line
		Setting::secret("url", "The M3U playlist: an http(s) URL or a local file path. Empty: no source registered."),
		Setting::text("format", "auto", "auto (hls for .m3u8 and .m3u entries, else mpegts), mpegts or hls: how the streams are read."),
		Setting::text("userAgent", "VLC/3.0.18 LibVLC/3.0.18", "The User-Agent sent for the playlist and the streams."),
		Setting::seconds("timeout", "10", 1, 300, "Seconds for each connect or read while fetching the playlist."),
		Setting::boolean("tlsVerify", true, "Whether an https server's certificate is verified."),
	};
}

void M3uPlugin::start(restream::PluginContext& context)
{
	// the host checked every value against its declared type and bounds before start(): read, never parse
	const Poco::Util::AbstractConfiguration& config = context.config();
	const std::string url = Poco::trim(config.getString("url"));
	if (url.empty())
	{
		context.logger().information("No playlist configured (setting url is empty): no M3U source registered");
		return;
	}
	// a choice among words is the one rule the host cannot check (Setting has no such type)
	const std::string format = Poco::toLower(Poco::trim(config.getString("format")));
	if (format != "auto" && format != "mpegts" && format != "hls")
		throw Poco::InvalidArgumentException("setting format must be auto, mpegts or hls, not '" + format + "'");
	const Poco::Timespan timeout(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("timeout") * 1e6));
	const bool verify = config.getBool("tlsVerify");
	const std::string userAgent = Poco::trim(config.getString("userAgent"));

	std::unique_ptr<PlaylistLoader> loader;
	try
	{
		loader.reset(new PlaylistLoader(url, timeout, userAgent, tlsContext(verify)));
	}
	catch (const Poco::SyntaxException&)
	{
		throw Poco::InvalidArgumentException("setting url is not a valid URL");
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		throw Poco::InvalidArgumentException("setting url: " + exc.message());
	}
	const PlaylistCredentials credentials(url);
	// the stream URLs of the entries carry them too (/live/<user>/<pass>/<id>.ts): masked in every log line
	for (const std::string& secret : credentials.secrets()) context.addSecret(secret);
	const std::string description = loader->describe();
	context.registry().add("source-m3u", std::make_shared<M3uSource>(std::move(loader), credentials, format, userAgent, context.logger()));
	context.logger().information("M3U source for %s (streams read as %s)", description, format);
}

void M3uPlugin::stop()
{
}

Poco::Net::Context::Ptr M3uPlugin::tlsContext(bool verify)
{
	Poco::Net::Context::Params params;
	params.verificationMode = verify ? Poco::Net::Context::VERIFY_RELAXED : Poco::Net::Context::VERIFY_NONE;
	params.loadDefaultCAs = true;
	const Poco::File caDirectory("/etc/ssl/certs");
	if (caDirectory.exists() && caDirectory.isDirectory()) params.caLocation = caDirectory.path();
	return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

} // namespace m3usource

RESTREAM_PLUGIN(m3usource::M3uPlugin, "source-m3u", "1.1.0",
	"Channels from a plain M3U playlist (http(s) URL or file): groups become categories")
