//
// TestRegistry.h
//
// A Registry for unit tests of plugins, without a host.
//

#ifndef restream_test_TestRegistry_INCLUDED
#define restream_test_TestRegistry_INCLUDED

#include "restream/Registry.h"
#include <Poco/Mutex.h>
#include <string>
#include <utility>
#include <vector>

namespace restream {
namespace test {

class TestRegistry : public Registry
	/// The services in registration order, with the registry's rules: a
	/// taken name throws Poco::ExistsException, a null service
	/// Poco::InvalidArgumentException. Thread-safe.
{
public:
	void add(const std::string& name, std::shared_ptr<Service> service) override;
	void remove(const std::string& name) override;
	std::shared_ptr<Service> find(const std::string& name) const override;
	std::vector<std::shared_ptr<Service>> all() const override;

	void clear();
		/// Drops every service, as the host does before stopping plugins.

private:
	std::vector<std::pair<std::string, std::shared_ptr<Service>>> _services;
	mutable Poco::FastMutex _mutex;
};

} // namespace test
} // namespace restream

#endif // restream_test_TestRegistry_INCLUDED
