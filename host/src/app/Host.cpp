//
// Host.cpp
//

#include "app/Host.h"
#include "api/CatalogRoute.h"
#include "api/MeRoute.h"
#include "api/StreamRoute.h"
#include "http/PortDispatcher.h"
#include "config/StateDirectory.h"
#include "restream/PortHandlerFactory.h"
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <algorithm>

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

struct PortDefaults
{
	const char* name;
	const char* port;
	const char* owner;
};

const PortDefaults knownPorts[] = {
	{"admin", "8001", "ui-admin"},
	{"api", "8002", "host"},
	{"player", "8003", "ui-player"},
};

} // namespace

Host::Host(HostConfiguration& configuration, Redactor& redactor, const std::string& defaultPluginDirectory):
	_configuration(configuration),
	_redactor(redactor),
	_logger(Poco::Logger::get("host")),
	_plugins(configuration, _registry, redactor, _logger)
{
	_configuration.declare("plugins.dir", defaultPluginDirectory);
	_configuration.declare("plugins.load", "auth-jwt, source-xtream, source-demo, output-hls, ui-admin, ui-player");
	_configuration.declare("plugins.callTimeout", "10");
	_configuration.declare("state.dir", "");
	_configuration.declare("public.apiUrl", "");
	_configuration.declare("public.playerUrl", "");
	_configuration.declare("http.trustedProxies", "127.0.0.1/8, ::1");
	_configuration.declare("http.ports", "admin, api, player");
	_configuration.declare("http.corsOrigins", "");
	_configuration.declare("public.adminUrl", "");
	_configuration.declare("catalog.source", "");
	_configuration.declare("catalog.ttl", "3600");
	const UrlInputOptions input;
	const RecoveryPolicy recovery;
	_configuration.declare("live.maxChannels", "2");
	_configuration.declare("live.readTimeout", std::to_string(input.readTimeout.totalSeconds()));
	_configuration.declare("live.probeSize", std::to_string(input.probeSize));
	_configuration.declare("live.analyzeDuration", std::to_string(input.analyzeDuration.totalMilliseconds()));
	_configuration.declare("live.maxRedirects", std::to_string(input.maxRedirects));
	_configuration.declare("live.audioBitRate", std::to_string(input.audioBitRate));
	_configuration.declare("live.retryDelay", std::to_string(recovery.retryDelay.totalMilliseconds()));
	_configuration.declare("live.maxRetryDelay", std::to_string(recovery.maxRetryDelay.totalSeconds()));
	_configuration.declare("live.maxFailures", std::to_string(recovery.maxFailures));
	_configuration.declare("live.errorRetryInterval", std::to_string(recovery.errorRetryInterval.totalSeconds()));
	_configuration.declare("live.healthyAfter", std::to_string(recovery.healthyAfter.totalSeconds()));
	for (const auto& portName : splitList(_configuration.view().getString("http.ports"))) declarePortSettings(portName);
}

Host::~Host()
{
	stop();
}

void Host::declarePortSettings(const std::string& portName)
{
	std::string port, owner;
	for (const auto& known : knownPorts)
	{
		if (portName == known.name)
		{
			port = known.port;
			owner = known.owner;
		}
	}
	const PortSettings defaults;
	const std::string prefix = "http." + portName + ".";
	_configuration.declare(prefix + "address", "0.0.0.0");
	_configuration.declare(prefix + "port", port);
	_configuration.declare(prefix + "plugin", owner);
	_configuration.declare(prefix + "minThreads", std::to_string(defaults.minThreads));
	_configuration.declare(prefix + "maxThreads", portName == "api" ? "1024" : std::to_string(defaults.maxThreads));
	_configuration.declare(prefix + "maxQueued", portName == "api" ? "1024" : std::to_string(defaults.maxQueued));
	_configuration.declare(prefix + "keepAlive", "true");
	_configuration.declare(prefix + "keepAliveTimeout", std::to_string(defaults.keepAliveTimeout.totalSeconds()));
	_configuration.declare(prefix + "maxKeepAliveRequests", std::to_string(defaults.maxKeepAliveRequests));
	_configuration.declare(prefix + "readTimeout", std::to_string(defaults.readTimeout.totalSeconds()));
	_configuration.declare(prefix + "requestTimeout", std::to_string(defaults.requestTimeout.totalSeconds()));
}

PortSettings Host::readPortSettings(const std::string& portName) const
{
	const auto& config = _configuration.view();
	const std::string prefix = "http." + portName + ".";
	PortSettings settings;
	settings.name = portName;
	settings.address = config.getString(prefix + "address");
	const std::string port = config.getString(prefix + "port", "");
	if (port.empty() || !Poco::NumberParser::tryParseUnsigned(port, settings.port) || settings.port > 65535)
		throw Poco::InvalidArgumentException(prefix + "port must be a port number (0 to 65535)", port);
	settings.owner = config.getString(prefix + "plugin", "");
	if (settings.owner.empty()) throw Poco::InvalidArgumentException(prefix + "plugin must name the plugin that serves the port (or host)");
	settings.minThreads = config.getInt(prefix + "minThreads");
	settings.maxThreads = config.getInt(prefix + "maxThreads");
	settings.maxQueued = config.getInt(prefix + "maxQueued");
	if (settings.minThreads < 1 || settings.maxThreads < settings.minThreads || settings.maxQueued < 1)
		throw Poco::InvalidArgumentException(prefix + "minThreads, maxThreads and maxQueued must be positive, minThreads <= maxThreads");
	settings.keepAlive = config.getBool(prefix + "keepAlive");
	settings.keepAliveTimeout = Poco::Timespan(config.getInt(prefix + "keepAliveTimeout"), 0);
	settings.maxKeepAliveRequests = config.getInt(prefix + "maxKeepAliveRequests");
	settings.readTimeout = Poco::Timespan(config.getInt(prefix + "readTimeout"), 0);
	settings.requestTimeout = Poco::Timespan(config.getInt(prefix + "requestTimeout"), 0);
	return settings;
}

void Host::start()
{
	const auto& config = _configuration.view();
	_stateDirectory = StateDirectory::resolve(config.getString("state.dir", ""));
	_logger.information("state directory %s", _stateDirectory);
	_settings.reset(new HostSettings{withoutTrailingSlash(config.getString("public.apiUrl", "")),
		withoutTrailingSlash(config.getString("public.playerUrl", "")), TrustedProxies(config.getString("http.trustedProxies", ""))});

	const std::string pluginDirectory = config.getString("plugins.dir");
	_logger.information("loading plugins from %s", pluginDirectory);
	_plugins.load(pluginDirectory, splitList(config.getString("plugins.load", "")));
	_plugins.declareSettings(_redactor);
	for (const auto& variable : _configuration.undeclaredEnvironment())
		_logger.warning("environment variable %s matches no setting; ignored", variable);

	_registry.add("host", "host.me", std::make_shared<MeRoute>());
	_plugins.startAll(*_settings, _stateDirectory, Poco::Timespan(config.getInt("plugins.callTimeout"), 0));
	_started = true;
	_catalog = std::make_shared<Catalog>(_registry, config.getString("catalog.source"), Poco::Timespan(config.getInt("catalog.ttl"), 0), _logger);
	for (auto endpoint : {CatalogRoute::Endpoint::Categories, CatalogRoute::Endpoint::Channels, CatalogRoute::Endpoint::Account,
			 CatalogRoute::Endpoint::Refresh})
	{
		auto route = std::make_shared<CatalogRoute>(endpoint, _catalog, _redactor);
		_registry.add("host", "host.catalog" + route->path(), route);
	}
	startEngine();
	startPorts();
	_restorer = std::thread([this] { _engine->restore(_restoreCancelled); });
}

void Host::startEngine()
{
	const auto& config = _configuration.view();
	UrlInputOptions input;
	input.readTimeout = Poco::Timespan(config.getInt("live.readTimeout"), 0);
	input.probeSize = config.getInt("live.probeSize");
	input.analyzeDuration = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getInt("live.analyzeDuration")) * 1000);
	input.maxRedirects = config.getInt("live.maxRedirects");
	input.audioBitRate = config.getInt("live.audioBitRate");
	RecoveryPolicy recovery;
	recovery.retryDelay = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getInt("live.retryDelay")) * 1000);
	recovery.maxRetryDelay = Poco::Timespan(config.getInt("live.maxRetryDelay"), 0);
	recovery.maxFailures = config.getInt("live.maxFailures");
	recovery.errorRetryInterval = Poco::Timespan(config.getInt("live.errorRetryInterval"), 0);
	recovery.healthyAfter = Poco::Timespan(config.getInt("live.healthyAfter"), 0);
	if (input.readTimeout.totalSeconds() < 1 || input.probeSize < 32 || recovery.maxFailures < 1 || recovery.retryDelay.totalMilliseconds() < 100)
		throw Poco::InvalidArgumentException("live.readTimeout >= 1, live.probeSize >= 32, live.maxFailures >= 1 and live.retryDelay >= 100 ms are required");
	_liveState.reset(new LiveState(_stateDirectory + "/live.json"));
	_engine = std::make_shared<StreamEngine>(
		*_catalog, _registry, input, recovery, std::max(1, config.getInt("live.maxChannels")), *_liveState, _redactor, _logger);
	const unsigned playerPort = static_cast<unsigned>(config.getInt("http.player.port", 8003));
	for (auto endpoint : {StreamRoute::Endpoint::Start, StreamRoute::Endpoint::Stop, StreamRoute::Endpoint::Status, StreamRoute::Endpoint::Metrics})
	{
		auto route = std::make_shared<StreamRoute>(endpoint, _engine, *_settings, playerPort, _registry);
		_registry.add("host", "host.stream" + route->path(), route);
	}
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
	std::shared_ptr<const ApiRouter> router;
	for (const auto& portName : splitList(_configuration.view().getString("http.ports")))
	{
		const PortSettings settings = readPortSettings(portName);
		Poco::Net::HTTPRequestHandlerFactory::Ptr dispatcher;
		if (settings.owner == "host")
		{
			if (!router)
			{
				router = std::make_shared<ApiRouter>(_registry, CorsPolicy(corsOrigins()), _logger);
				for (const auto& route : router->describeRoutes()) _logger.information("API route %s", route);
			}
			dispatcher = new PortDispatcher(portName, router, _logger);
		}
		else
		{
			std::shared_ptr<PortHandlerFactory> factory;
			for (const auto& owned : _registry.ownedWithRole<PortHandlerFactory>())
			{
				if (owned.first == settings.owner && !factory) factory = owned.second;
			}
			if (!factory)
				_logger.warning("port %s: plugin %s is not running or serves no port; the port answers 503 except /health", portName, settings.owner);
			dispatcher = new PortDispatcher(portName, settings.owner, factory, _logger);
		}
		std::unique_ptr<PortServer> server(new PortServer(settings, dispatcher, _logger));
		server->start();
		_logger.information("port %s listening on %s:%hu, served by %s (threads %d-%d, queue %d)", portName, settings.address,
			server->boundPort(), settings.owner, settings.minThreads, settings.maxThreads, settings.maxQueued);
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
	if (_engine) _engine->stopAll(); // every upstream closed and every sink ended before plugins stop
	_engine.reset();
	_registry.clear();
	_catalog.reset();
	const auto deadline = Poco::Timespan(_configuration.view().getInt("plugins.callTimeout", 10), 0);
	_plugins.stopAll(deadline);
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

} // namespace restream::host
