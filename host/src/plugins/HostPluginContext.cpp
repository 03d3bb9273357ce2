//
// HostPluginContext.cpp
//

#include "plugins/HostPluginContext.h"
#include "logging/Redactor.h"
#include "net/ClientAddress.h"
#include <Poco/Logger.h>
#include <Poco/Net/NameValueCollection.h>

namespace restream::host {

HostPluginContext::HostPluginContext(const std::string& pluginName, Poco::AutoPtr<Poco::Util::AbstractConfiguration> config,
	ServiceRegistry& registry, std::string stateDirectory, const HostServices& services):
	_pluginName(pluginName),
	_config(std::move(config)),
	_registry(registry, pluginName),
	_stateDirectory(std::move(stateDirectory)),
	_services(services),
	_channels(services.channels, pluginName),
	_logger(Poco::Logger::get(pluginName))
{
}

const std::string& HostPluginContext::pluginName() const
{
	return _pluginName;
}

const Poco::Util::AbstractConfiguration& HostPluginContext::config() const
{
	return *_config;
}

Poco::Logger& HostPluginContext::logger() const
{
	return _logger;
}

Registry& HostPluginContext::registry() const
{
	return _registry;
}

const std::string& HostPluginContext::stateDirectory() const
{
	return _stateDirectory;
}

Channels& HostPluginContext::channels() const
{
	return _channels;
}

Catalog& HostPluginContext::catalog() const
{
	return _services.catalog;
}

PlaybackUrls& HostPluginContext::playbackUrls() const
{
	return _services.playbackUrls;
}

std::string HostPluginContext::redact(const std::string& text) const
{
	return _services.redactor.redact(text);
}

void HostPluginContext::addSecret(const std::string& value) const
{
	if (value.size() >= 4) _services.redactor.addSecret(value);
}

bool HostPluginContext::onLan(const Poco::Net::IPAddress& address) const
{
	// A datagram carries no forwarding headers: the LAN-only ports' rule for a direct peer.
	std::string refused;
	return _services.clients.lan(address, Poco::Net::NameValueCollection(), refused) == ClientAddress::Lan::Allowed;
}

} // namespace restream::host
