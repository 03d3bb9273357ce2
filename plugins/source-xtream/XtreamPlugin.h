//
// XtreamPlugin.h
//
// The source-xtream plugin: live channels from an Xtream Codes provider.
//

#ifndef restream_xtream_XtreamPlugin_INCLUDED
#define restream_xtream_XtreamPlugin_INCLUDED

#include "restream/Plugin.h"
#include <Poco/Net/Context.h>
#include <string>

namespace Poco {
namespace Util {
class AbstractConfiguration;
}
} // namespace Poco

namespace restream {
namespace xtream {

class XtreamPlugin : public Plugin
	/// Registers the Source "source-xtream" (an XtreamSource) for the
	/// provider named by the settings url, username and password.
	///
	/// With url empty, start() logs that no provider is configured and
	/// registers nothing. Otherwise it refuses, with a message naming the
	/// setting, an url that is not an http(s) address, a missing username
	/// or password, a timeout that is not a number of seconds from 1 to
	/// 300, an outputFormat other than ts and m3u8 and a tlsVerify that is
	/// not a boolean. start() contacts nobody: the provider may be down.
	///
	/// TLS: one client Context per plugin, verifying certificates (chain and
	/// host name) against /etc/ssl/certs and OpenSSL's default paths unless
	/// tlsVerify is false. The Context initialises OpenSSL itself (counted);
	/// the plugin does not call Poco::Net::uninitializeSSL(), which would
	/// shut down the SSLManager that the whole process shares.
	///
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<Setting> settings() const override;
	void start(PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the source before stop(), and it
		/// owns all the plugin's state.

private:
	static Poco::Net::Context::Ptr tlsContext(bool verify, PluginContext& context);
	static int seconds(const Poco::Util::AbstractConfiguration& config, const std::string& key, int minimum, int maximum);
		/// The setting key as whole seconds, or Poco::InvalidArgumentException.
	static bool boolean(const Poco::Util::AbstractConfiguration& config, const std::string& key);
		/// The setting key as a boolean, or Poco::InvalidArgumentException.
};

} // namespace xtream
} // namespace restream

#endif // restream_xtream_XtreamPlugin_INCLUDED
