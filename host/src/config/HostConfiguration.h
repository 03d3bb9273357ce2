//
// HostConfiguration.h
//

#ifndef restream_host_HostConfiguration_INCLUDED
#define restream_host_HostConfiguration_INCLUDED

#include "config/FoldedConfiguration.h"
#include "restream/Setting.h"
#include <Poco/AutoPtr.h>
#include <Poco/Mutex.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <set>
#include <string>
#include <vector>

namespace restream::host {

class HostConfiguration
	/// The host's configuration: four layers, each with case-insensitive keys,
	/// looked up in this order (the first that has a key wins):
	///   1. the command line (--define key=value);
	///   2. the environment, for declared keys only: a key's variable is
	///      RESTREAM_ followed by the key in upper case with every '.' and '-'
	///      replaced by '_' (state.dir -> RESTREAM_STATE_DIR,
	///      plugins.auth-jwt.tokenLifetime -> RESTREAM_PLUGINS_AUTH_JWT_TOKENLIFETIME),
	///      then the key's legacy variable if it declares one (JWT_SECRET_KEY);
	///   3. the configuration file (INI or .properties);
	///   4. the defaults given when keys are declared.
	/// Keys are declared, typed, by the host and by plugins (their Setting
	/// lists, with the full key); problems() checks every value once
	/// (SettingCheck), and keys of a plugin's section that were never
	/// declared are reported.
	///
	/// Threads: load and declare from one thread during start; reads are safe
	/// from any thread once start is over.
{
public:
	HostConfiguration();

	void loadFile(const std::string& path);
		/// Loads an INI (.ini) or properties (any other extension) file into
		/// the file layer. Throws Poco::FileNotFoundException or
		/// Poco::SyntaxException with the path in the message.

	void define(const std::string& key, const std::string& value);
		/// Sets key in the command-line layer.

	void declare(const Setting& setting);
		/// Declares setting.key (the full key, e.g. "live.maxChannels") with
		/// its default (an empty default makes the key exist, empty) and
		/// takes its environment variables. A second declaration of a key
		/// replaces the first.

	std::vector<std::string> problems() const;
		/// A sentence for every declared key whose value breaks its rule.

	std::vector<Setting> declared() const;
		/// Every declared setting (full keys), in declaration order.

	static std::string environmentName(const std::string& key);
		/// Returns the RESTREAM_... variable of key.

	std::vector<std::string> undeclaredKeys(const std::string& section) const;
		/// Returns the keys below section ("plugins.auth-jwt") set in the file
		/// or on the command line that were never declared, with the section.

	std::vector<std::string> undeclaredEnvironment() const;
		/// Returns the RESTREAM_* environment variables that match no declared key.

	Poco::Util::AbstractConfiguration& view();
	const Poco::Util::AbstractConfiguration& view() const;
		/// The layered view, for lookups.

private:
	void collectKeys(const Poco::Util::AbstractConfiguration& layer, const std::string& prefix, std::vector<std::string>& keys) const;

	Poco::AutoPtr<FoldedConfiguration> _commandLine;
	Poco::AutoPtr<FoldedConfiguration> _environment;
	Poco::AutoPtr<FoldedConfiguration> _file;
	Poco::AutoPtr<FoldedConfiguration> _defaults;
	Poco::AutoPtr<Poco::Util::LayeredConfiguration> _layers;
	std::set<std::string> _declared;
	std::vector<Setting> _settings;
	mutable Poco::FastMutex _mutex;
};

} // namespace restream::host

#endif // restream_host_HostConfiguration_INCLUDED
