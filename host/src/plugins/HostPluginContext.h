//
// HostPluginContext.h
//

#ifndef restream_host_HostPluginContext_INCLUDED
#define restream_host_HostPluginContext_INCLUDED

#include "config/HostSettings.h"
#include "plugins/OwnedRegistry.h"
#include "logging/Redactor.h"
#include "restream/PluginContext.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace restream::host {

class HostPluginContext : public PluginContext
	/// The host's implementation of a plugin's context. Owned by the
	/// PluginManager; outlives the plugin's stop(). The settings, redactor
	/// and registry it refers to must outlive it.
{
public:
	HostPluginContext(const std::string& pluginName, Poco::AutoPtr<Poco::Util::AbstractConfiguration> config,
		ServiceRegistry& registry, std::string stateDirectory, const HostSettings& settings, const Redactor& redactor);

	const std::string& pluginName() const override;
	const Poco::Util::AbstractConfiguration& config() const override;
	Poco::Logger& logger() const override;
	Registry& registry() const override;
	const std::string& stateDirectory() const override;
	const std::string& publicApiUrl() const override;
	const std::string& publicPlayerUrl() const override;
	bool isTrustedProxy(const Poco::Net::IPAddress& address) const override;
	std::string clientAddress(const Poco::Net::HTTPServerRequest& request) const override;
	std::string redact(const std::string& text) const override;

private:
	const std::string _pluginName;
	Poco::AutoPtr<Poco::Util::AbstractConfiguration> _config;
	mutable OwnedRegistry _registry;
	const std::string _stateDirectory;
	const HostSettings& _settings;
	const Redactor& _redactor;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_HostPluginContext_INCLUDED
