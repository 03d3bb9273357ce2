//
// PluginContext.h
//
// What the host hands to each plugin: its configuration, logger, registry,
// state directory and the host's services.
//

#ifndef restream_PluginContext_INCLUDED
#define restream_PluginContext_INCLUDED

#include "restream/Catalog.h"
#include "restream/Channels.h"
#include "restream/PlaybackUrls.h"
#include "restream/Registry.h"
#include "restream/Version.h"
#include <string>

namespace Poco {
class Logger;
namespace Net {
class IPAddress;
}
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
	/// The host's services (channels(), catalog(), playbackUrls()) exist
	/// from start() on, but see the plugins that start after this one only
	/// once every plugin has started: use them when serving, not inside
	/// start().
	///
	/// Threads: every method may be called from any thread.
	/// Errors: none throw, except where said.
{
public:
	virtual ~PluginContext() = default;

	virtual const std::string& pluginName() const = 0;
		/// The plugin's name from its descriptor, e.g. "auth-jwt".

	virtual const Poco::Util::AbstractConfiguration& config() const = 0;
		/// The plugin's own section, "plugins.<name>.", every declared
		/// setting present and already checked against its type and bounds
		/// (see Setting). Keys compare case-insensitively. Read-only.

	virtual Poco::Logger& logger() const = 0;
		/// A logger named after the plugin. Every line passes through the
		/// host's redaction of provider credentials and secrets.

	virtual Registry& registry() const = 0;
		/// The host's registry; services this plugin adds are recorded as its own.

	virtual const std::string& stateDirectory() const = 0;
		/// An absolute directory of the plugin's own for what must survive a
		/// restart, created with mode 0700.

	virtual Channels& channels() const = 0;
		/// The live channels and the program.

	virtual Catalog& catalog() const = 0;
		/// The cached catalog of the active source.

	virtual PlaybackUrls& playbackUrls() const = 0;
		/// Public URLs of the ports and of every registered PlaybackForm.

	virtual std::string redact(const std::string& text) const = 0;
		/// text with provider credentials and secrets masked, as the host
		/// does for every log line. For messages that leave the host.

	virtual void addSecret(const std::string& value) const = 0;
		/// Masks value in every log line from now on (a generated password,
		/// a token). Values shorter than 4 characters are ignored.

	virtual bool onLan(const Poco::Net::IPAddress& address) const = 0;
		/// Whether address is a LAN client by the host's rule for LAN-only
		/// ports (http.lanNetworks), for what reaches a plugin outside the
		/// host's HTTP ports (a datagram's sender). An IPv4 address mapped
		/// into IPv6 counts as its IPv4 address. Since plugin API 2.1.
};

} // namespace restream

#endif // restream_PluginContext_INCLUDED
