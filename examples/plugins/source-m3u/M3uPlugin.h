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
	/// is set; with url empty it registers nothing and says so.
	///
	/// Settings (section plugins.source-m3u):
	///   url        the playlist: http(s) URL or local file path; secret (it
	///              often carries the account's credentials: the host masks
	///              it in every log line)
	///   format     auto, mpegts or hls: the demuxer forced on the streams
	///   userAgent  sent for the playlist and the streams
	///   timeout    seconds for each connect or read of the playlist
	///   tlsVerify  verify an https server's certificate
	///
	/// Threads: start() and stop() from the host's main thread.
	/// Errors: start() throws Poco::InvalidArgumentException for a bad setting.
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
