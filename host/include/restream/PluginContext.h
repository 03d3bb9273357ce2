//
// PluginContext.h
//
// What the host hands to each plugin: its configuration, logger, registry,
// state directory and the host-wide settings.
//

#ifndef restream_PluginContext_INCLUDED
#define restream_PluginContext_INCLUDED

#include "restream/Registry.h"
#include "restream/Version.h"
#include <string>

namespace Poco {
class Logger;
namespace Net {
class HTTPServerRequest;
class IPAddress;
} // namespace Net
namespace Util {
class AbstractConfiguration;
}
} // namespace Poco

namespace restream {

class RESTREAM_API PluginContext
	/// A plugin's window on the host, owned by the host and valid from
	/// Plugin::start() until Plugin::stop() returns. There are no globals:
	/// a plugin reaches the host only through its context (never through
	/// Poco::Util::Application::instance()).
	///
	/// Threads: every method may be called from any thread.
	/// Errors: none throw, except where said.
{
public:
	virtual ~PluginContext() = default;

	virtual const std::string& pluginName() const = 0;
		/// The plugin's name from its descriptor, e.g. "auth-jwt".

	virtual const Poco::Util::AbstractConfiguration& config() const = 0;
		/// The plugin's own section, "plugins.<name>.", with the defaults of
		/// its declared settings applied and the environment and command line
		/// layered on top. Keys compare case-insensitively. Read-only.

	virtual Poco::Logger& logger() const = 0;
		/// A logger named after the plugin. Every line passes through the
		/// host's redaction of provider credentials and secret settings.

	virtual Registry& registry() const = 0;
		/// The host's registry; services this plugin adds are recorded as its own.

	virtual const std::string& stateDirectory() const = 0;
		/// An absolute directory of the plugin's own for what must survive a
		/// restart, created with mode 0700.

	virtual const std::string& publicApiUrl() const = 0;
		/// The public base URL of the API port (key public.apiUrl), without a
		/// trailing slash, e.g. "https://api.example.org".

	virtual const std::string& publicPlayerUrl() const = 0;
		/// The public base URL of the player (key public.playerUrl), without a
		/// trailing slash.

	virtual bool isTrustedProxy(const Poco::Net::IPAddress& address) const = 0;
		/// True when address is one of the configured trusted proxies
		/// (key http.trustedProxies, default loopback).

	virtual std::string clientAddress(const Poco::Net::HTTPServerRequest& request) const = 0;
		/// The address of the client behind request: the peer's, or, when
		/// the peer is a trusted proxy, the last untrusted hop of
		/// X-Forwarded-For, or CF-Connecting-IP when there is no
		/// X-Forwarded-For.

	virtual std::string redact(const std::string& text) const = 0;
		/// text with provider credentials and secret settings masked, as the
		/// host does for every log line. For error messages that leave the host.
};

} // namespace restream

#endif // restream_PluginContext_INCLUDED
