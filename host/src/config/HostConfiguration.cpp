//
// HostConfiguration.cpp
//

#include "config/HostConfiguration.h"
#include "config/SettingCheck.h"
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <algorithm>
#include <cstdlib>

extern char** environ;

namespace restream::host {

HostConfiguration::HostConfiguration():
	_commandLine(new FoldedConfiguration),
	_environment(new FoldedConfiguration),
	_file(new FoldedConfiguration),
	_defaults(new FoldedConfiguration),
	_layers(new Poco::Util::LayeredConfiguration)
{
	_layers->add(_commandLine, "commandLine", 0, false);
	_layers->add(_environment, "environment", 10, false);
	_layers->add(_file, "file", 20, false);
	_layers->add(_defaults, "defaults", 30, false);
}

void HostConfiguration::loadFile(const std::string& path)
{
	if (!Poco::File(path).exists()) throw Poco::FileNotFoundException("configuration file not found", path);
	Poco::AutoPtr<Poco::Util::AbstractConfiguration> source;
	try
	{
		if (Poco::toLower(Poco::Path(path).getExtension()) == "ini")
			source = new Poco::Util::IniFileConfiguration(path);
		else
			source = new Poco::Util::PropertyFileConfiguration(path);
	}
	catch (const Poco::Exception& exc)
	{
		throw Poco::SyntaxException("cannot read configuration file " + path, exc);
	}
	std::vector<std::string> keys;
	collectKeys(*source, "", keys);
	for (const auto& key : keys) _file->setString(FoldedConfiguration::fold(key), Poco::trim(source->getRawString(key)));
}

void HostConfiguration::define(const std::string& key, const std::string& value)
{
	_commandLine->setString(key, value);
}

void HostConfiguration::declare(const Setting& setting)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	const std::string folded = FoldedConfiguration::fold(setting.key);
	if (!_declared.insert(folded).second)
	{
		for (auto& known : _settings)
		{
			if (FoldedConfiguration::fold(known.key) == folded) known = setting;
		}
	}
	else
	{
		_settings.push_back(setting);
	}
	_defaults->setString(folded, setting.defaultValue);
	const std::string name = environmentName(setting.key);
	if (Poco::Environment::has(name))
		_environment->setString(folded, Poco::Environment::get(name));
	else if (!setting.legacyEnvironment.empty() && Poco::Environment::has(setting.legacyEnvironment))
		_environment->setString(folded, Poco::Environment::get(setting.legacyEnvironment));
}

std::vector<std::string> HostConfiguration::problems() const
{
	std::vector<Setting> settings = declared();
	std::vector<std::string> found;
	for (const auto& setting : settings)
	{
		const std::string problem = SettingCheck::problem(setting, _layers->getString(FoldedConfiguration::fold(setting.key), ""));
		if (!problem.empty()) found.push_back(problem);
	}
	return found;
}

std::vector<Setting> HostConfiguration::declared() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _settings;
}

std::string HostConfiguration::environmentName(const std::string& key)
{
	std::string name = "RESTREAM_" + Poco::toUpper(key);
	for (auto& c : name)
	{
		if (c == '.' || c == '-') c = '_';
	}
	return name;
}

std::vector<std::string> HostConfiguration::undeclaredKeys(const std::string& section) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	std::vector<std::string> keys;
	collectKeys(*_file, FoldedConfiguration::fold(section), keys);
	collectKeys(*_commandLine, FoldedConfiguration::fold(section), keys);
	std::vector<std::string> undeclared;
	for (const auto& key : keys)
	{
		if (_declared.count(key) == 0 && std::find(undeclared.begin(), undeclared.end(), key) == undeclared.end())
			undeclared.push_back(key);
	}
	return undeclared;
}

std::vector<std::string> HostConfiguration::undeclaredEnvironment() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	std::set<std::string> known;
	for (const auto& key : _declared) known.insert(environmentName(key));
	std::vector<std::string> unknown;
	for (char** entry = environ; entry && *entry; ++entry)
	{
		const std::string variable(*entry);
		const std::string name = variable.substr(0, variable.find('='));
		if (name.compare(0, 9, "RESTREAM_") == 0 && known.count(name) == 0) unknown.push_back(name);
	}
	return unknown;
}

Poco::Util::AbstractConfiguration& HostConfiguration::view()
{
	return *_layers;
}

const Poco::Util::AbstractConfiguration& HostConfiguration::view() const
{
	return *_layers;
}

void HostConfiguration::collectKeys(const Poco::Util::AbstractConfiguration& layer, const std::string& prefix, std::vector<std::string>& keys) const
{
	Poco::Util::AbstractConfiguration::Keys children;
	layer.keys(prefix, children);
	for (const auto& child : children)
	{
		const std::string key = prefix.empty() ? child : prefix + "." + child;
		if (layer.hasOption(key)) keys.push_back(key);
		collectKeys(layer, key, keys);
	}
}

} // namespace restream::host
