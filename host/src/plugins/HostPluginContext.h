//
// HostPluginContext.h
//

#ifndef restream_host_HostPluginContext_INCLUDED
#define restream_host_HostPluginContext_INCLUDED

#include "plugins/HostServices.h"
#include "plugins/OwnedChannels.h"
#include "plugins/OwnedRegistry.h"
#include "restream/PluginContext.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>

namespace restream::host {

class HostPluginContext : public PluginContext
	/// The host's implementation of a plugin's context. Owned by the
	/// PluginManager; outlives the plugin's stop(). The services and the
	/// registry it refers to must outlive it.
{
public:
	HostPluginContext(const std::string& pluginName, Poco::AutoPtr<Poco::Util::AbstractConfiguration> config,
		ServiceRegistry& registry, std::string stateDirectory, const HostServices& services);

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
	const std::string _pluginName;
	Poco::AutoPtr<Poco::Util::AbstractConfiguration> _config;
	mutable OwnedRegistry _registry;
	const std::string _stateDirectory;
	const HostServices _services;
	mutable OwnedChannels _channels;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_HostPluginContext_INCLUDED
