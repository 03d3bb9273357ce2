//
// TestRegistry.cpp
//

#include "TestRegistry.h"
#include <Poco/Exception.h>
#include <algorithm>

namespace restream {
namespace test {

void TestRegistry::add(const std::string& name, std::shared_ptr<Service> service)
{
	if (!service) throw Poco::InvalidArgumentException("null service " + name);
	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const auto& entry : _services)
	{
		if (entry.first == name) throw Poco::ExistsException("service " + name);
	}
	_services.emplace_back(name, std::move(service));
}

void TestRegistry::remove(const std::string& name)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_services.erase(std::remove_if(_services.begin(), _services.end(), [&](const auto& entry) { return entry.first == name; }),
		_services.end());
}

std::shared_ptr<Service> TestRegistry::find(const std::string& name) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const auto& entry : _services)
	{
		if (entry.first == name) return entry.second;
	}
	return nullptr;
}

std::vector<std::shared_ptr<Service>> TestRegistry::all() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	std::vector<std::shared_ptr<Service>> services;
	for (const auto& entry : _services) services.push_back(entry.second);
	return services;
}

void TestRegistry::clear()
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_services.clear();
}

} // namespace test
} // namespace restream
