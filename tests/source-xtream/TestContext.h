//
// TestContext.h
//
// A PluginContext for the source-xtream tests, without a host.
//

#ifndef restream_xtream_test_TestContext_INCLUDED
#define restream_xtream_test_TestContext_INCLUDED

#include "LogCapture.h"
#include "restream/PluginContext.h"
#include <Poco/AutoPtr.h>
#include <Poco/Mutex.h>
#include <Poco/Util/MapConfiguration.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace restream {
namespace xtream {
namespace test {

class TestRegistry : public Registry
	/// A plain map of services. Thread-safe.
{
public:
	void add(const std::string& name, std::shared_ptr<Service> service) override;
	void remove(const std::string& name) override;
	std::shared_ptr<Service> find(const std::string& name) const override;
	std::vector<std::shared_ptr<Service>> all() const override;

private:
	std::vector<std::pair<std::string, std::shared_ptr<Service>>> _services;
	mutable Poco::FastMutex _mutex;
};

class TestContext : public PluginContext
	/// Settings in a MapConfiguration (set them before start()), a logger at
	/// debug level whose lines are kept, a TestRegistry, and a redaction that
	/// masks every value given to addSecret() with "***", as the host's
	/// does for secret settings. Each context has a logger of its own.
{
public:
	TestContext();
	~TestContext() override;

	void set(const std::string& key, const std::string& value);
		/// Sets a setting of the plugin's section.

	void addSecret(const std::string& value);
	std::string log() const;
		/// Every line logged so far, not redacted (what the plugin itself wrote).

	TestRegistry& testRegistry();

	const std::string& pluginName() const override;
	const Poco::Util::AbstractConfiguration& config() const override;
	Poco::Logger& logger() const override;
	Registry& registry() const override;
	const std::string& stateDirectory() const override;
	const std::string& publicApiUrl() const override;
	const std::string& publicPlayerUrl() const override;
	bool isTrustedProxy(const Poco::Net::IPAddress& address) const override;
	std::string clientAddress(const Poco::Net::HTTPServerRequest& request) const override;
	std::string redact(const std::string& text) const override;

private:
	const std::string _name = "source-xtream";
	const std::string _empty;
	Poco::AutoPtr<Poco::Util::MapConfiguration> _config;
	Poco::AutoPtr<restream::test::LogCapture> _capture;
	Poco::Logger* _logger = nullptr;
	mutable TestRegistry _registry;
	std::vector<std::string> _secrets;
	mutable Poco::FastMutex _mutex;
};

} // namespace test
} // namespace xtream
} // namespace restream

#endif // restream_xtream_test_TestContext_INCLUDED
