//
// PluginTestContext.cpp
//

#include "PluginTestContext.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>
#include <algorithm>
#include <atomic>

namespace restream {
namespace test {

PluginTestContext::PluginTestContext(const std::string& pluginName):
	_name(pluginName),
	_stateDirectory(Poco::TemporaryFile::tempName()),
	_config(new Poco::Util::MapConfiguration),
	_capture(new LogCapture)
{
	Poco::File(_stateDirectory).createDirectories();
	static std::atomic<int> counter(0);
	_logger = &Poco::Logger::get(pluginName + "-test-" + std::to_string(++counter));
	_logger->setChannel(_capture);
	_logger->setLevel(Poco::Message::PRIO_DEBUG);
}

PluginTestContext::~PluginTestContext()
{
	_registry.clear();
	_logger->setChannel(nullptr);
	try
	{
		Poco::File(_stateDirectory).remove(true);
	}
	catch (const Poco::Exception&)
	{
		// a test that failed half-way may have left it unreadable: a temporary file all the same
	}
}

void PluginTestContext::declare(const std::vector<Setting>& settings)
{
	for (const Setting& setting : settings)
	{
		if (setting.type == Setting::Type::Secret) _secretKeys.push_back(setting.key);
		if (!_config->has(setting.key)) set(setting.key, setting.defaultValue);
	}
}

void PluginTestContext::set(const std::string& key, const std::string& value)
{
	_config->setString(key, value);
	if (std::find(_secretKeys.begin(), _secretKeys.end(), key) != _secretKeys.end()) addSecret(value);
}

std::string PluginTestContext::log() const
{
	return _capture->text();
}

std::vector<std::string> PluginTestContext::secrets() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _secrets;
}

TestRegistry& PluginTestContext::testRegistry()
{
	return _registry;
}

const std::string& PluginTestContext::pluginName() const
{
	return _name;
}

const Poco::Util::AbstractConfiguration& PluginTestContext::config() const
{
	return *_config;
}

Poco::Logger& PluginTestContext::logger() const
{
	return *_logger;
}

Registry& PluginTestContext::registry() const
{
	return _registry;
}

const std::string& PluginTestContext::stateDirectory() const
{
	return _stateDirectory;
}

Channels& PluginTestContext::channels() const
{
	throw Poco::NotImplementedException("no channels in a unit test");
}

Catalog& PluginTestContext::catalog() const
{
	throw Poco::NotImplementedException("no catalog in a unit test");
}

PlaybackUrls& PluginTestContext::playbackUrls() const
{
	throw Poco::NotImplementedException("no playback URLs in a unit test");
}

bool PluginTestContext::onLan(const Poco::Net::IPAddress&) const
{
	throw Poco::NotImplementedException("no LAN rule in a unit test");
}

std::string PluginTestContext::redact(const std::string& text) const
{
	std::string result(text);
	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const std::string& secret : _masked)
	{
		for (auto at = result.find(secret); at != std::string::npos; at = result.find(secret, at + 3))
			result.replace(at, secret.size(), "***");
	}
	return result;
}

void PluginTestContext::addSecret(const std::string& value) const
{
	if (value.size() < 4) return;
	std::string encoded;
	Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
	Poco::FastMutex::ScopedLock lock(_mutex);
	_secrets.push_back(value);
	_masked.push_back(value);
	if (encoded != value) _masked.push_back(encoded);
	std::sort(_masked.begin(), _masked.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

} // namespace test
} // namespace restream
