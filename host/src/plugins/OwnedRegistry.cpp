//
// OwnedRegistry.cpp
//

#include "plugins/OwnedRegistry.h"

namespace restream::host {

OwnedRegistry::OwnedRegistry(ServiceRegistry& registry, std::string owner):
	_registry(registry),
	_owner(std::move(owner))
{
}

void OwnedRegistry::add(const std::string& name, std::shared_ptr<Service> service)
{
	_registry.add(_owner, name, std::move(service));
}

void OwnedRegistry::remove(const std::string& name)
{
	_registry.remove(_owner, name);
}

std::shared_ptr<Service> OwnedRegistry::find(const std::string& name) const
{
	return _registry.find(name);
}

std::vector<std::shared_ptr<Service>> OwnedRegistry::all() const
{
	std::vector<std::shared_ptr<Service>> services;
	for (const auto& entry : _registry.entries()) services.push_back(entry.service);
	return services;
}

} // namespace restream::host
