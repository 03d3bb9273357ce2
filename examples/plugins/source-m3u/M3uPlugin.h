//
// M3uPlugin.h
//
// source-m3u: a restream source plugin reading a plain M3U playlist.
//

#ifndef m3usource_M3uPlugin_INCLUDED
#define m3usource_M3uPlugin_INCLUDED

#include "restream/Plugin.h"
#include <Poco/Net/Context.h>

namespace restream {
class PluginContext;
}

namespace m3usource {

class M3uPlugin : public restream::Plugin
	/// Registers the Source "source-m3u" (see M3uSource) when the setting url
	/// is set; with url empty it registers nothing and says so. The user name
	/// and password the url carries (PlaylistCredentials) are handed to the
	/// host's redaction (PluginContext::addSecret), so that no log line shows
	/// them, whatever URL of the provider it quotes.
	///
	/// Settings (section plugins.source-m3u), typed: the host checks each
	/// value against its type and bounds before start() and stops with a line
	/// naming the key when one is wrong, so start() reads them, never parses:
	///   url        secret: the playlist, an http(s) URL or a local file path
	///              (it often carries the account's credentials: the host
	///              masks it in every log line and never prints it)
	///   format     text: auto, mpegts or hls, the demuxer forced on the
	///              streams (checked here: no Setting type says "one of")
	///   userAgent  text: sent for the playlist and the streams
	///   timeout    seconds, 1 to 300: each connect or read of the playlist
	///   tlsVerify  boolean: verify an https server's certificate
	///
	/// Threads: start() and stop() from the host's main thread.
	/// Errors: start() throws Poco::InvalidArgumentException for a format
	/// other than the three, or a url that is neither an http(s) URL with a
	/// host nor a file path (its message never quotes the url).
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the source before stop().

private:
	static Poco::Net::Context::Ptr tlsContext(bool verify);
};

} // namespace m3usource

#endif // m3usource_M3uPlugin_INCLUDED
