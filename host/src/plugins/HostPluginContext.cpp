//
// HostPluginContext.cpp
//

#include "plugins/HostPluginContext.h"
#include <Poco/Logger.h>

namespace restream::host {

HostPluginContext::HostPluginContext(const std::string& pluginName, Poco::AutoPtr<Poco::Util::AbstractConfiguration> config,
	ServiceRegistry& registry, std::string stateDirectory, const HostSettings& settings, const Redactor& redactor):
	_pluginName(pluginName),
	_config(std::move(config)),
	_registry(registry, pluginName),
	_stateDirectory(std::move(stateDirectory)),
	_settings(settings),
	_redactor(redactor),
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

const std::string& HostPluginContext::publicApiUrl() const
{
	return _settings.publicApiUrl;
}

const std::string& HostPluginContext::publicPlayerUrl() const
{
	return _settings.publicPlayerUrl;
}

bool HostPluginContext::isTrustedProxy(const Poco::Net::IPAddress& address) const
{
	return _settings.trustedProxies.contains(address);
}

std::string HostPluginContext::clientAddress(const Poco::Net::HTTPServerRequest& request) const
{
	return _settings.trustedProxies.clientAddress(request);
}

std::string HostPluginContext::redact(const std::string& text) const
{
	return _redactor.redact(text);
}

} // namespace restream::host
