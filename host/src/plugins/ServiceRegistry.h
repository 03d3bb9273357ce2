//
// ServiceRegistry.h
//

#ifndef restream_host_ServiceRegistry_INCLUDED
#define restream_host_ServiceRegistry_INCLUDED

#include "restream/Service.h"
#include <Poco/Mutex.h>
#include <memory>
#include <string>
#include <vector>

namespace restream::host {

class ServiceRegistry
	/// The host's registry of services, each recorded with the plugin that
	/// owns it ("host" for the host's own). Plugins see it through an
	/// OwnedRegistry. Names are unique whatever the role.
	/// Threads: every method may be called from any thread.
{
public:
	struct Entry
	{
		std::string name;
		std::string owner;
		std::shared_ptr<Service> service;
	};

	void add(const std::string& owner, const std::string& name, std::shared_ptr<Service> service);
		/// Registers service. Throws Poco::ExistsException naming both owners
		/// if name is taken, Poco::InvalidArgumentException for a null service
		/// or an empty name.

	void remove(const std::string& owner, const std::string& name);
		/// Removes name if owner registered it.

	void removeOwner(const std::string& owner);
		/// Removes every service of owner (an isolated or stopping plugin).

	void clear();
		/// Drops every service (shutdown, before plugins stop).

	std::shared_ptr<Service> find(const std::string& name) const;
	std::vector<Entry> entries() const;
		/// A snapshot, in registration order.

	template <class Role>
	std::vector<std::pair<std::string, std::shared_ptr<Role>>> ownedWithRole() const
		/// (owner, service) for every service with the given role.
	{
		std::vector<std::pair<std::string, std::shared_ptr<Role>>> result;
		for (const auto& entry : entries())
		{
			if (auto withRole = std::dynamic_pointer_cast<Role>(entry.service)) result.emplace_back(entry.owner, withRole);
		}
		return result;
	}

private:
	std::vector<Entry> _entries;
	mutable Poco::FastMutex _mutex;
};

} // namespace restream::host

#endif // restream_host_ServiceRegistry_INCLUDED
