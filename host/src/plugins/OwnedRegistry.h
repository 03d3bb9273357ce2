//
// OwnedRegistry.h
//

#ifndef restream_host_OwnedRegistry_INCLUDED
#define restream_host_OwnedRegistry_INCLUDED

#include "plugins/ServiceRegistry.h"
#include "restream/Registry.h"

namespace restream::host {

class OwnedRegistry : public Registry
	/// The registry as one plugin sees it: what it adds is recorded as its own.
	/// Threads: as ServiceRegistry. Must not outlive the ServiceRegistry.
{
public:
	OwnedRegistry(ServiceRegistry& registry, std::string owner);

	void add(const std::string& name, std::shared_ptr<Service> service) override;
	void remove(const std::string& name) override;
	std::shared_ptr<Service> find(const std::string& name) const override;
	std::vector<std::shared_ptr<Service>> all() const override;

	using Registry::find;

private:
	ServiceRegistry& _registry;
	const std::string _owner;
};

} // namespace restream::host

#endif // restream_host_OwnedRegistry_INCLUDED
