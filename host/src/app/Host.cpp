//
// Host.cpp
//

#include "app/Host.h"
#include "api/AccountRoute.h"
#include "api/ApiDocumentation.h"
#include "api/CatalogRefreshRoute.h"
#include "api/CategoriesRoute.h"
#include "api/ChannelLogoRoute.h"
#include "api/ChannelsRoute.h"
#include "api/DocumentRoute.h"
#include "api/MeRoute.h"
#include "api/MetricsRoute.h"
#include "api/RunningChannelsRoute.h"
#include "api/StartStreamRoute.h"
#include "api/StopStreamRoute.h"
#include "api/StreamStatusRoute.h"
#include "config/HostSettingList.h"
#include "config/StateDirectory.h"
#include "http/IoThreads.h"
#include "http/PortServer.h"
#include "plugins/PluginGuard.h"
#include "restream/Authenticator.h"
#include "restream/Output.h"
#include "restream/Route.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/StringTokenizer.h>
#include <algorithm>
#include <set>

namespace restream::host {

namespace {

std::vector<std::string> splitList(const std::string& list)
{
	Poco::StringTokenizer tokens(list, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	return std::vector<std::string>(tokens.begin(), tokens.end());
}

std::string withoutTrailingSlash(std::string url)
{
	while (!url.empty() && url.back() == '/') url.pop_back();
	return url;
}

const char* const PUBLIC_URL_PORTS[] = {"api", "player", "admin", "tuner"};

} // namespace

Host::Host(HostConfiguration& configuration, Redactor& redactor, const std::string& defaultPluginDirectory):
	_configuration(configuration),
	_redactor(redactor),
	_logger(Poco::Logger::get("host")),
	_defaultPluginDirectory(defaultPluginDirectory),
	_plugins(configuration, _registry, _logger)
{
	for (const auto& setting : HostSettingList::general()) _configuration.declare(setting);
	const std::vector<std::string> served = portNames();
	for (const auto& portName : served)
	{
		for (const auto& setting : HostSettingList::port(portName)) _configuration.declare(setting);
	}
	for (const auto& setting : HostSettingList::knownPortNumbers(served)) _configuration.declare(setting);
}

Host::~Host()
{
	stop();
}

std::vector<std::string> Host::portNames() const
{
	return splitList(_configuration.view().getString("http.ports", ""));
}

void Host::loadPlugins()
{
	if (_loaded) return;
	_loaded = true;
	const auto& config = _configuration.view();
	std::string pluginDirectory = config.getString("plugins.dir", "");
	if (pluginDirectory.empty()) pluginDirectory = _defaultPluginDirectory;
	_logger.information("loading plugins from %s", pluginDirectory);
	_plugins.load(pluginDirectory, splitList(config.getString("plugins.load", "")));
	_plugins.declareSettings(_redactor);
}

std::vector<Setting> Host::settings()
{
	loadPlugins();
	return _configuration.declared();
}

void Host::start()
{
	loadPlugins();
	for (const auto& variable : _configuration.undeclaredEnvironment())
		_logger.warning("environment variable %s matches no setting; ignored", variable);
	const std::vector<std::string> problems = _configuration.problems();
	if (!problems.empty())
	{
		for (const auto& problem : problems) _logger.critical("configuration: %s", problem);
		throw Poco::InvalidArgumentException("the configuration has " + std::to_string(problems.size()) + " bad value(s): " + problems.front());
	}
	const auto& config = _configuration.view();
	_stateDirectory = StateDirectory::resolve(config.getString("state.dir", ""));
	_logger.information("state directory %s", _stateDirectory);
	_clients.reset(new ClientAddress(AddressList(config.getString("http.trustedProxies")), AddressList(config.getString("http.lanNetworks"))));
	_hostNames.reset(new HostNameGuard(config.getString("http.allowedHosts")));

	LiveSettings live;
	live.maxChannels = config.getInt("live.maxChannels");
	live.idleTimeout = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("live.idleTimeout") * 1e6));
	live.accountRefresh = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("live.accountRefresh") * 1e6));
	live.input.readTimeout = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("live.readTimeout") * 1e6));
	live.input.probeSize = config.getInt("live.probeSize");
	live.input.analyzeDuration = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getInt("live.analyzeDuration")) * 1000);
	live.input.maxRedirects = config.getInt("live.maxRedirects");
	live.input.audioBitRate = config.getInt("live.audioBitRate");
	live.input.maxBitRate = config.getInt("live.maxBitRate") * 1000000;
	live.recovery.reopenJitter = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getInt("live.reopenJitter")) * 1000);
	live.recovery.retryDelay = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getInt("live.retryDelay")) * 1000);
	live.recovery.maxRetryDelay = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("live.maxRetryDelay") * 1e6));
	live.recovery.maxRefusedDelay = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("live.maxRefusedDelay") * 1e6));
	live.recovery.maxFailures = config.getInt("live.maxFailures");
	live.recovery.slate = config.getBool("live.slate");
	live.recovery.slateAfter = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getInt("live.slateAfter")) * 1000);
	live.recovery.slateImage = config.getString("live.slateImage");

	_catalog.reset(new CachedCatalog(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("catalog.ttl") * 1e6)), _redactor, _logger));
	_logos.reset(new LogoCache(splitList(config.getString("catalog.logoHosts")), LogoCache::Limits(), _logger));
	_liveState.reset(new LiveState(_stateDirectory + "/live.json"));
	_engine.reset(new ChannelEngine(*_catalog, live, *_liveState, _redactor, _logger));
	std::map<std::string, HostPlaybackUrls::Port> ports;
	for (const char* name : PUBLIC_URL_PORTS)
	{
		HostPlaybackUrls::Port port;
		port.publicUrl = withoutTrailingSlash(config.getString(std::string("public.") + name + "Url", ""));
		port.number = static_cast<unsigned>(config.getInt(std::string("http.") + name + ".port", 0));
		ports[name] = port;
	}
	_playbackUrls.reset(new HostPlaybackUrls(_registry, ports));

	registerRoutes();
	const HostServices services{*_engine, *_catalog, *_playbackUrls, _redactor, *_clients};
	_plugins.startAll(services, _stateDirectory, Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("plugins.callTimeout") * 1e6)));
	_started = true;

	std::vector<CachedCatalog::Candidate> sources;
	for (const auto& entry : _registry.entries())
	{
		if (auto source = std::dynamic_pointer_cast<Source>(entry.service)) sources.push_back({entry.name, entry.owner, source});
	}
	_catalog->selectSource(sources, config.getString("catalog.source", ""));
	_engine->start(_registry.ownedWithRole<Output>());
	_engine->prepareRestore(); // before the ports open: a viewer of the saved program waits for it
	startPorts();
	_restorer = std::thread([this] { _engine->restore(_restoreCancelled); });
}

void Host::registerRoutes()
{
	std::vector<std::shared_ptr<Route>> routes = {
		std::make_shared<MeRoute>(),
		std::make_shared<CategoriesRoute>(*_catalog, _redactor),
		std::make_shared<ChannelsRoute>(*_catalog, _redactor),
		std::make_shared<ChannelLogoRoute>(*_catalog, *_logos, _redactor),
		std::make_shared<AccountRoute>(*_catalog, _redactor),
		std::make_shared<CatalogRefreshRoute>(*_catalog, *_engine, _redactor),
		std::make_shared<StartStreamRoute>(*_engine, *_playbackUrls),
		std::make_shared<StopStreamRoute>(*_engine),
		std::make_shared<StreamStatusRoute>(*_engine, *_playbackUrls),
		std::make_shared<RunningChannelsRoute>(*_engine, *_playbackUrls),
		std::make_shared<MetricsRoute>(*_engine, _registry, _logger),
	};
	for (const auto& route : routes) _registry.add("host", "host" + route->path(), route);
}

PortSettings Host::readPortSettings(const std::string& portName) const
{
	const auto& config = _configuration.view();
	const std::string prefix = "http." + portName + ".";
	PortSettings settings;
	settings.name = portName;
	settings.address = config.getString(prefix + "address");
	settings.port = static_cast<unsigned>(config.getInt(prefix + "port"));
	settings.lanOnly = config.getBool(prefix + "lanOnly");
	settings.maxThreads = config.getInt(prefix + "maxThreads");
	settings.maxQueued = config.getInt(prefix + "maxQueued");
	settings.maxConnectionsPerAddress = config.getInt(prefix + "maxConnectionsPerAddress");
	settings.keepAlive = config.getBool(prefix + "keepAlive");
	settings.headerTimeout = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble(prefix + "headerTimeout") * 1e6));
	settings.keepAliveTimeout = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble(prefix + "keepAliveTimeout") * 1e6));
	settings.maxKeepAliveRequests = config.getInt(prefix + "maxKeepAliveRequests");
	settings.readTimeout = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble(prefix + "readTimeout") * 1e6));
	settings.requestTimeout = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble(prefix + "requestTimeout") * 1e6));
	return settings;
}

std::string Host::corsOrigins() const
{
	const auto& config = _configuration.view();
	const std::string configured = config.getString("http.corsOrigins", "");
	if (!configured.empty()) return configured;
	return config.getString("public.playerUrl", "") + "," + config.getString("public.adminUrl", "");
}

void Host::startPorts()
{
	std::vector<Router::Owned> routes = _registry.ownedWithRole<Route>();
	std::pair<std::string, std::shared_ptr<Authenticator>> authenticator;
	const auto authenticators = _registry.ownedWithRole<Authenticator>();
	if (!authenticators.empty()) authenticator = authenticators.front();

	// the API documents itself from its own table
	std::vector<ApiDocumentation::Route> documented = {
		{"GET", "/health", false, "Liveness of this port (every port answers it)", "host"},
		{"GET", "/docs", false, "This documentation, readable", "host"},
		{"GET", "/openapi.json", false, "This documentation, OpenAPI 3", "host"},
	};
	std::set<std::string> routePorts;
	for (const auto& owned : routes)
	{
		std::string port, method, path, summary;
		bool isProtected = false;
		if (!PluginGuard::call(_logger, owned.first, "Route description", [&] {
				port = owned.second->port();
				method = owned.second->method();
				path = owned.second->path();
				summary = owned.second->summary();
				isProtected = owned.second->access() == Route::Access::Protected;
			}))
			continue;
		routePorts.insert(port);
		if (port == "api") documented.push_back({method, path, isProtected, summary, owned.first});
	}
	const ApiDocumentation documentation(documented);
	routes.emplace_back("host", std::make_shared<DocumentRoute>("/docs", "This documentation, readable", "text/html; charset=utf-8", documentation.html()));
	routes.emplace_back("host", std::make_shared<DocumentRoute>("/openapi.json", "This documentation, OpenAPI 3", "application/json; charset=utf-8",
		documentation.openApi()));

	const std::vector<std::string> served = portNames();
	for (const auto& port : routePorts)
	{
		if (std::find(served.begin(), served.end(), port) == served.end())
			_logger.information("routes for port %s are registered, and this process does not serve that port (http.ports)", port);
	}
	const int ioThreads = _configuration.view().getInt("http.ioThreads");
	_io.reset(new IoThreads(ioThreads > 0 ? static_cast<std::size_t>(ioThreads) : IoThreads::defaultCount()));
	_io->start();
	for (const auto& portName : served)
	{
		const PortSettings settings = readPortSettings(portName);
		auto router = std::make_shared<const Router>(portName, settings.lanOnly, routes, authenticator, *_clients, *_hostNames,
			portName == "api" ? std::unique_ptr<CorsPolicy>(new CorsPolicy(corsOrigins())) : nullptr, _logger);
		for (const auto& route : router->describe()) _logger.debug("port %s route %s", portName, route);
		std::unique_ptr<PortServer> server(new PortServer(settings, router, *_clients, *_io, _logger));
		server->start();
		_playbackUrls->bound(portName, server->boundPort());
		_logger.information("port %s listening on %s:%hu%s (threads: %z for I/O shared by the ports, up to %d workers, queue %d), %z routes", portName,
			settings.address, server->boundPort(), std::string(settings.lanOnly ? ", LAN only" : ""), _io->size(), settings.maxThreads,
			settings.maxQueued, router->describe().size());
		_ports.push_back(std::move(server));
	}
}

void Host::stop()
{
	if (_stopped) return;
	_stopped = true;
	if (_started) _logger.information("stopping");
	_restoreCancelled = true;
	if (_restorer.joinable()) _restorer.join();
	for (auto& port : _ports) port->stop();
	_ports.clear();
	if (_io) _io->stop(); // what its handlers still hold (routes of plugins) goes before the plugins stop
	if (_engine) _engine->stopAll(); // every upstream closed and every sink ended before plugins stop
	if (_catalog) _catalog->release();
	_registry.clear();
	const Poco::Timespan deadline(static_cast<Poco::Timespan::TimeDiff>(_configuration.view().getDouble("plugins.callTimeout", 10) * 1e6));
	_plugins.stopAll(deadline);
	_engine.reset();
	_logos.reset();
	_catalog.reset();
	_plugins.unloadAll();
	if (_started) _logger.information("stopped");
}

Poco::UInt16 Host::boundPort(const std::string& portName) const
{
	for (const auto& port : _ports)
	{
		if (port->settings().name == portName) return port->boundPort();
	}
	return 0;
}

const std::string& Host::stateDirectory() const
{
	return _stateDirectory;
}

ServiceRegistry& Host::registry()
{
	return _registry;
}

ChannelEngine& Host::engine()
{
	return *_engine;
}

} // namespace restream::host
