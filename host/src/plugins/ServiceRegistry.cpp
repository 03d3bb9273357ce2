//
// ServiceRegistry.cpp
//

#include "plugins/ServiceRegistry.h"
#include <Poco/Exception.h>
#include <algorithm>

namespace restream::host {

void ServiceRegistry::add(const std::string& owner, const std::string& name, std::shared_ptr<Service> service)
{
	if (!service) throw Poco::InvalidArgumentException("null service", name);
	if (name.empty()) throw Poco::InvalidArgumentException("a service needs a name");
	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const auto& entry : _entries)
	{
		if (entry.name == name)
			throw Poco::ExistsException("service name '" + name + "' is already registered by " + entry.owner + "; refused for " + owner);
	}
	_entries.push_back(Entry{name, owner, std::move(service)});
}

void ServiceRegistry::remove(const std::string& owner, const std::string& name)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_entries.erase(std::remove_if(_entries.begin(), _entries.end(),
					   [&](const Entry& entry) { return entry.owner == owner && entry.name == name; }),
		_entries.end());
}

void ServiceRegistry::removeOwner(const std::string& owner)
{
	std::vector<Entry> removed;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		auto split = std::stable_partition(_entries.begin(), _entries.end(), [&](const Entry& entry) { return entry.owner != owner; });
		removed.assign(std::make_move_iterator(split), std::make_move_iterator(_entries.end()));
		_entries.erase(split, _entries.end());
	}
	// services are released here, outside the lock: their destructors may call back
}

void ServiceRegistry::clear()
{
	std::vector<Entry> removed;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		removed.swap(_entries);
	}
	while (!removed.empty()) removed.pop_back(); // newest first
}

std::shared_ptr<Service> ServiceRegistry::find(const std::string& name) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const auto& entry : _entries)
	{
		if (entry.name == name) return entry.service;
	}
	return nullptr;
}

std::vector<ServiceRegistry::Entry> ServiceRegistry::entries() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _entries;
}

} // namespace restream::host
