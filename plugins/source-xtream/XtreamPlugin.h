//
// XtreamPlugin.h
//
// The source-xtream plugin: live channels from an Xtream Codes provider.
//

#ifndef sourcextream_XtreamPlugin_INCLUDED
#define sourcextream_XtreamPlugin_INCLUDED

#include "restream/Plugin.h"
#include <Poco/Net/Context.h>
#include <string>

namespace sourcextream {

class XtreamPlugin : public restream::Plugin
	/// Registers the Source "source-xtream" (an XtreamSource) for the
	/// provider named by the settings url, username and password.
	///
	/// With url empty, start() logs that no provider is configured and
	/// registers nothing. The host has checked the settings' types and
	/// bounds; start() refuses, with a message naming the setting, an url
	/// that is no provider's address (or has the credentials in its path),
	/// a missing username or password and an outputFormat other than ts and
	/// m3u8. start() contacts nobody: the provider may be down.
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
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the source before stop(), and it
		/// owns all the plugin's state.

private:
	static Poco::Net::Context::Ptr tlsContext(bool verify, restream::PluginContext& context);
};

} // namespace sourcextream

#endif // sourcextream_XtreamPlugin_INCLUDED
