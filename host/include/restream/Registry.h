//
// Registry.h
//
// Where plugins register what they provide and find each other's services.
//

#ifndef restream_Registry_INCLUDED
#define restream_Registry_INCLUDED

#include "restream/Service.h"
#include <memory>
#include <string>
#include <vector>

namespace restream {

class RESTREAM_API Registry
	/// The host's service registry, seen through a plugin's context.
	///
	/// Names are unique across the whole host, whatever the role: a second
	/// add() with a taken name throws Poco::ExistsException naming both
	/// owners. By convention a service's name starts with its plugin's name
	/// ("auth-jwt", "output-hls.live").
	///
	/// Threads: every method may be called from any thread.
	/// Ownership: the registry shares ownership of each service until the
	/// host's shutdown, when it drops them all before stopping plugins.
{
public:
	virtual ~Registry() = default;

	virtual void add(const std::string& name, std::shared_ptr<Service> service) = 0;
		/// Registers service under name. Throws Poco::ExistsException if the
		/// name is taken, Poco::InvalidArgumentException if service is null.

	virtual void remove(const std::string& name) = 0;
		/// Removes a service this plugin registered. Does nothing if absent.

	virtual std::shared_ptr<Service> find(const std::string& name) const = 0;
		/// Returns the service registered under name, or null.

	virtual std::vector<std::shared_ptr<Service>> all() const = 0;
		/// Returns every registered service, in registration order.

	template <class Role>
	std::shared_ptr<Role> find(const std::string& name) const
		/// Returns the service under name if it has the given role, else null.
	{
		return std::dynamic_pointer_cast<Role>(find(name));
	}

	template <class Role>
	std::vector<std::shared_ptr<Role>> findAll() const
		/// Returns every service that has the given role, in registration order.
	{
		std::vector<std::shared_ptr<Role>> result;
		for (const auto& service : all())
		{
			if (auto withRole = std::dynamic_pointer_cast<Role>(service)) result.push_back(withRole);
		}
		return result;
	}
};

} // namespace restream

#endif // restream_Registry_INCLUDED
