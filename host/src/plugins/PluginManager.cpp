//
// PluginManager.cpp
//

#include "plugins/PluginManager.h"
#include "plugins/PluginGuard.h"
#include "config/StateDirectory.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/RegularExpression.h>
#include <Poco/SharedLibrary.h>
#include <climits>
#include <cstdlib>

namespace restream::host {

PluginManager::PluginManager(HostConfiguration& configuration, ServiceRegistry& registry, Poco::Logger& logger):
	_configuration(configuration),
	_registry(registry),
	_logger(logger)
{
}

PluginManager::~PluginManager()
{
	stopAll(Poco::Timespan(10, 0));
	unloadAll();
}

void PluginManager::load(const std::string& directory, const std::vector<std::string>& names)
{
	static const Poco::RegularExpression validName("^[a-z0-9][a-z0-9-]{0,63}$");
	for (const auto& name : names)
	{
		if (!validName.match(name))
		{
			_logger.error("plugin name '%s' in plugins.load is not valid (lower case letters, digits and '-'); skipped", name);
			continue;
		}
		bool duplicate = false;
		for (const auto& loaded : _plugins) duplicate = duplicate || loaded.name == name;
		if (duplicate)
		{
			_logger.error("plugin %s is listed twice in plugins.load; loaded once", name);
			continue;
		}
		std::string path = Poco::Path(directory).makeDirectory().setFileName(name + Poco::SharedLibrary::suffix()).absolute().toString();
		char canonical[PATH_MAX];
		if (realpath(path.c_str(), canonical) == nullptr)
		{
			_logger.error("plugin %s: no library at %s; skipped", name, path);
			continue;
		}
		path = canonical;
		std::string version;
		if (!checkDescriptor(name, path, version)) continue;
		try
		{
			_loader.loadLibrary(path);
			const auto& manifest = _loader.manifestFor(path);
			auto meta = manifest.find(RESTREAM_PLUGIN_CLASS_KEY);
			if (meta == manifest.end()) throw Poco::NotFoundException("the manifest has no " RESTREAM_PLUGIN_CLASS_KEY " class");
			Loaded loaded;
			loaded.name = name;
			loaded.version = version;
			loaded.path = path;
			PluginGuard::call(_logger, name, "construction", [&] { loaded.plugin.reset(meta->create()); });
			if (!loaded.plugin)
			{
				_loader.unloadLibrary(path);
				continue;
			}
			_plugins.push_back(std::move(loaded));
		}
		catch (const Poco::Exception& exc)
		{
			_logger.error("plugin %s: cannot load %s: %s", name, path, exc.displayText());
		}
	}
}

bool PluginManager::checkDescriptor(const std::string& name, const std::string& path, std::string& version)
{
	Poco::SharedLibrary library;
	try
	{
		library.load(path);
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("plugin %s: cannot open %s: %s", name, path, exc.displayText());
		return false;
	}
	std::string refusal;
	if (!library.hasSymbol(RESTREAM_PLUGIN_DESCRIPTOR_SYMBOL))
	{
		refusal = "it is not a restream plugin (no " RESTREAM_PLUGIN_DESCRIPTOR_SYMBOL " function)";
	}
	else
	{
		auto describe = reinterpret_cast<RestreamPluginDescriptorFunction>(library.getSymbol(RESTREAM_PLUGIN_DESCRIPTOR_SYMBOL));
		const RestreamPluginDescriptor* descriptor = describe();
		const std::string hostApi = std::to_string(RESTREAM_PLUGIN_API_MAJOR) + "." + std::to_string(RESTREAM_PLUGIN_API_MINOR);
		if (descriptor == nullptr || descriptor->structSize < sizeof(RestreamPluginDescriptor))
		{
			refusal = "its descriptor is missing or too short";
		}
		else
		{
			version = descriptor->version ? descriptor->version : "?";
			const std::string pluginApi = std::to_string(descriptor->apiMajor) + "." + std::to_string(descriptor->apiMinor);
			const std::string signature = descriptor->buildSignature ? descriptor->buildSignature : "";
			if (descriptor->apiMajor != RESTREAM_PLUGIN_API_MAJOR || descriptor->apiMinor > RESTREAM_PLUGIN_API_MINOR)
				refusal = "it is built for plugin API " + pluginApi + " and this host provides " + hostApi;
			else if (signature != buildSignature())
				refusal = "it is built as '" + signature + "' and this host as '" + buildSignature() + "'";
			else if (descriptor->name == nullptr || name != descriptor->name)
				refusal = std::string("its descriptor names it '") + (descriptor->name ? descriptor->name : "") + "'";
		}
	}
	if (!refusal.empty())
	{
		_logger.error("plugin %s %s (%s) refused: %s", name, version.empty() ? std::string("?") : version, path, refusal);
		library.unload();
		return false;
	}
	library.unload(); // the ClassLoader holds its own reference from now on
	return true;
}

void PluginManager::declareSettings(Redactor& redactor)
{
	for (auto& loaded : _plugins)
	{
		std::vector<Setting> settings;
		if (!PluginGuard::call(_logger, loaded.name, "settings", [&] { settings = loaded.plugin->settings(); }))
		{
			loaded.state = State::Failed;
			continue;
		}
		const std::string section = "plugins." + loaded.name;
		for (Setting setting : settings)
		{
			setting.key = section + "." + setting.key;
			_configuration.declare(setting);
			if (setting.type == Setting::Type::Secret) redactor.addSecret(_configuration.view().getString(setting.key, ""));
		}
		for (const auto& unknown : _configuration.undeclaredKeys(section))
			_logger.warning("configuration key %s is not a setting of plugin %s; ignored", unknown, loaded.name);
	}
}

void PluginManager::startAll(const HostServices& services, const std::string& stateDirectory, const Poco::Timespan& deadline)
{
	for (std::size_t index = 0; index < _plugins.size(); ++index)
	{
		Loaded& loaded = _plugins[index];
		if (loaded.state != State::Loaded) continue;
		std::string pluginState;
		try
		{
			pluginState = StateDirectory::ensure(StateDirectory::ensure(stateDirectory + "/plugins") + "/" + loaded.name);
		}
		catch (const Poco::Exception& exc)
		{
			_logger.error("plugin %s not started: %s", loaded.name, exc.displayText());
			loaded.state = State::Failed;
			continue;
		}
		loaded.context.reset(new HostPluginContext(loaded.name, _configuration.view().createView("plugins." + loaded.name), _registry,
			pluginState, services));
		HostPluginContext& context = *loaded.context;
		Plugin& plugin = *loaded.plugin;
		switch (PluginGuard::run(_logger, loaded.name, "start", [&plugin, &context] { plugin.start(context); }, deadline))
		{
		case PluginGuard::Outcome::Done:
			loaded.state = State::Started;
			_startOrder.push_back(index);
			_logger.information("plugin %s %s started", loaded.name, loaded.version);
			break;
		case PluginGuard::Outcome::Threw:
			loaded.state = State::Failed;
			_registry.removeOwner(loaded.name);
			_logger.error("plugin %s is isolated: its start failed; the other plugins run", loaded.name);
			break;
		case PluginGuard::Outcome::TimedOut:
			loaded.state = State::Abandoned;
			_registry.removeOwner(loaded.name);
			break;
		}
	}
}

void PluginManager::stopAll(const Poco::Timespan& deadline)
{
	while (!_startOrder.empty())
	{
		Loaded& loaded = _plugins[_startOrder.back()];
		_startOrder.pop_back();
		Plugin& plugin = *loaded.plugin;
		if (PluginGuard::run(_logger, loaded.name, "stop", [&plugin] { plugin.stop(); }, deadline) == PluginGuard::Outcome::TimedOut)
		{
			loaded.state = State::Abandoned;
			continue;
		}
		loaded.state = State::Stopped;
		_logger.information("plugin %s stopped", loaded.name);
	}
}

void PluginManager::unloadAll()
{
	for (auto it = _plugins.rbegin(); it != _plugins.rend(); ++it)
	{
		if (it->state == State::Abandoned) continue;
		PluginGuard::call(_logger, it->name, "destruction", [&] { it->plugin.reset(); });
		it->context.reset();
	}
	for (auto it = _plugins.rbegin(); it != _plugins.rend(); ++it)
	{
		if (it->state == State::Abandoned)
		{
			keepForever(std::move(*it)); // still running somewhere: never delete, never unload
			continue;
		}
		try
		{
			_loader.unloadLibrary(it->path);
		}
		catch (const Poco::Exception& exc)
		{
			_logger.warning("plugin %s: unloading %s: %s", it->name, it->path, exc.displayText());
		}
	}
	_plugins.clear();
}

void PluginManager::keepForever(Loaded&& abandoned)
{
	// reachable until the process ends, so neither deleted nor reported as a leak
	static auto* kept = new std::vector<Loaded>;
	kept->push_back(std::move(abandoned));
}

} // namespace restream::host
