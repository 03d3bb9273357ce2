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
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace m3usource {

std::vector<restream::Setting> M3uPlugin::settings() const
{
	return {
		{"url", "", "The M3U playlist: an http(s) URL or a local file path. Empty: no source registered.", "", true},
		{"format", "auto", "auto (hls for .m3u8 entries, else mpegts), mpegts or hls: how the streams are read.", "", false},
		{"userAgent", "VLC/3.0.18 LibVLC/3.0.18", "The User-Agent sent for the playlist and the streams.", "", false},
		{"timeout", "10", "Seconds for each connect or read while fetching the playlist.", "", false},
		{"tlsVerify", "true", "Whether an https server's certificate is verified.", "", false},
	};
}

void M3uPlugin::start(restream::PluginContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	const std::string url = Poco::trim(config.getRawString("url", ""));
	if (url.empty())
	{
		context.logger().information("No playlist configured (setting url is empty): no M3U source registered");
		return;
	}
	const std::string format = Poco::toLower(Poco::trim(config.getString("format")));
	if (format != "auto" && format != "mpegts" && format != "hls")
		throw Poco::InvalidArgumentException("setting format must be auto, mpegts or hls, not '" + format + "'");
	int timeout = 0;
	const std::string timeoutText = config.getString("timeout");
	if (!Poco::NumberParser::tryParse(Poco::trim(timeoutText), timeout) || timeout < 1 || timeout > 300)
		throw Poco::InvalidArgumentException("setting timeout must be a number of seconds from 1 to 300, not '" + timeoutText + "'");
	bool verify = true;
	const std::string verifyText = config.getString("tlsVerify");
	if (!Poco::NumberParser::tryParseBool(Poco::trim(verifyText), verify))
		throw Poco::InvalidArgumentException("setting tlsVerify must be true or false, not '" + verifyText + "'");
	const std::string userAgent = Poco::trim(config.getString("userAgent"));

	std::unique_ptr<PlaylistLoader> loader;
	try
	{
		loader.reset(new PlaylistLoader(url, Poco::Timespan(timeout, 0), userAgent, tlsContext(verify)));
	}
	catch (const Poco::SyntaxException&)
	{
		throw Poco::InvalidArgumentException("setting url is not a valid URL");
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		throw Poco::InvalidArgumentException("setting url: " + exc.message());
	}
	const std::string description = loader->describe();
	context.registry().add("source-m3u",
		std::make_shared<M3uSource>(std::move(loader), PlaylistCredentials(url), format, userAgent, context.logger()));
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

RESTREAM_PLUGIN(m3usource::M3uPlugin, "source-m3u", "1.0.0",
	"Channels from a plain M3U playlist (http(s) URL or file): groups become categories")
