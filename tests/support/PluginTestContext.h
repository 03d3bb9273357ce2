//
// PluginTestContext.h
//
// A PluginContext for unit tests of a plugin, without a host.
//

#ifndef restream_test_PluginTestContext_INCLUDED
#define restream_test_PluginTestContext_INCLUDED

#include "LogCapture.h"
#include "TestRegistry.h"
#include "restream/PluginContext.h"
#include "restream/Setting.h"
#include <Poco/AutoPtr.h>
#include <Poco/Mutex.h>
#include <Poco/Util/MapConfiguration.h>
#include <string>
#include <vector>

namespace restream {
namespace test {

class PluginTestContext : public PluginContext
	/// What a plugin sees of a host, for unit tests that start a plugin or
	/// build its services by hand:
	///   - config(): declare() applies the defaults of a plugin's settings()
	///     as the host does, set() sets one value (types and bounds are not
	///     checked: that is the host's job, tested with the host);
	///   - logger(): a logger of its own at debug level; log() gives every
	///     line as the plugin wrote it, before any redaction;
	///   - registry(): a TestRegistry;
	///   - stateDirectory(): a fresh temporary directory, deleted with the
	///     context;
	///   - redact(): masks with "***" the values given to addSecret() and the
	///     values of Secret settings, raw and URL-encoded, as the host does
	///     (values shorter than 4 characters are ignored); secrets() lists
	///     what addSecret() received;
	///   - channels(), catalog(), playbackUrls() and onLan() throw
	///     Poco::NotImplementedException: there is no host.
	/// Thread-safe, except declare() and set(), which belong before start().
{
public:
	explicit PluginTestContext(const std::string& pluginName);
	~PluginTestContext() override;

	void declare(const std::vector<Setting>& settings);
		/// Sets the default of every setting not set yet, and remembers which
		/// are secrets.

	void set(const std::string& key, const std::string& value);
		/// Sets a key of the plugin's section; a Secret setting's value is
		/// masked from then on.

	std::string log() const;
	std::vector<std::string> secrets() const;
	TestRegistry& testRegistry();

	const std::string& pluginName() const override;
	const Poco::Util::AbstractConfiguration& config() const override;
	Poco::Logger& logger() const override;
	Registry& registry() const override;
	const std::string& stateDirectory() const override;
	Channels& channels() const override;
	Catalog& catalog() const override;
	PlaybackUrls& playbackUrls() const override;
	std::string redact(const std::string& text) const override;
	void addSecret(const std::string& value) const override;
	bool onLan(const Poco::Net::IPAddress& address) const override;

private:
	const std::string _name;
	std::string _stateDirectory;
	Poco::AutoPtr<Poco::Util::MapConfiguration> _config;
	Poco::AutoPtr<LogCapture> _capture;
	Poco::Logger* _logger = nullptr;
	mutable TestRegistry _registry;
	std::vector<std::string> _secretKeys;
	mutable std::vector<std::string> _secrets;      /// as given
	mutable std::vector<std::string> _masked;       /// raw and encoded, longest first
	mutable Poco::FastMutex _mutex;
};

} // namespace test
} // namespace restream

#endif // restream_test_PluginTestContext_INCLUDED
