//
// TestContext.cpp
//

#include "TestContext.h"
#include <Poco/Logger.h>
#include <Poco/URI.h>
#include <algorithm>
#include <atomic>

namespace restream {
namespace xtream {
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

TestContext::TestContext(): _config(new Poco::Util::MapConfiguration), _capture(new restream::test::LogCapture)
{
	static std::atomic<int> counter(0);
	_logger = &Poco::Logger::get("source-xtream-test-" + std::to_string(++counter));
	_logger->setChannel(_capture);
	_logger->setLevel(Poco::Message::PRIO_DEBUG);
}

TestContext::~TestContext()
{
	_logger->setChannel(nullptr);
}

void TestContext::set(const std::string& key, const std::string& value)
{
	_config->setString(key, value);
}

void TestContext::addSecret(const std::string& value)
{
	std::string encoded;
	Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
	Poco::FastMutex::ScopedLock lock(_mutex);
	_secrets.push_back(value);
	_secrets.push_back(encoded);
	std::sort(_secrets.begin(), _secrets.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string TestContext::log() const
{
	return _capture->text();
}

TestRegistry& TestContext::testRegistry()
{
	return _registry;
}

const std::string& TestContext::pluginName() const
{
	return _name;
}

const Poco::Util::AbstractConfiguration& TestContext::config() const
{
	return *_config;
}

Poco::Logger& TestContext::logger() const
{
	return *_logger;
}

Registry& TestContext::registry() const
{
	return _registry;
}

const std::string& TestContext::stateDirectory() const
{
	return _empty;
}

const std::string& TestContext::publicApiUrl() const
{
	return _empty;
}

const std::string& TestContext::publicPlayerUrl() const
{
	return _empty;
}

bool TestContext::isTrustedProxy(const Poco::Net::IPAddress&) const
{
	return false;
}

std::string TestContext::clientAddress(const Poco::Net::HTTPServerRequest&) const
{
	return std::string();
}

std::string TestContext::redact(const std::string& text) const
{
	std::string result(text);
	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const auto& secret : _secrets)
	{
		if (secret.empty()) continue;
		for (auto at = result.find(secret); at != std::string::npos; at = result.find(secret, at + 3)) result.replace(at, secret.size(), "***");
	}
	return result;
}

} // namespace test
} // namespace xtream
} // namespace restream
