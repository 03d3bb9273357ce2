//
// RestreamApplication.cpp
//

#include "app/RestreamApplication.h"
#include "logging/FfmpegLog.h"
#include "app/Host.h"
#include "app/SettingsCommand.h"
#include "logging/RedactingChannel.h"
#include "restream/Version.h"
#include <Poco/ConsoleChannel.h>
#include <Poco/File.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/PatternFormatter.h>
#include <Poco/String.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <sys/resource.h>
#include <unistd.h>

namespace restream::host {

namespace {

Poco::Path installationPrefix(const std::string& applicationDirectory)
	/// The directory above the one holding the running executable: the
	/// install prefix (<prefix>/bin/restream) or the build tree (build/bin).
	/// Read from /proc/self/exe, which resolves symbolic links, so that a
	/// link such as /usr/local/bin/restream -> /opt/restream/bin/restream
	/// finds /opt/restream/etc and /opt/restream/lib; falls back to Poco's
	/// application.dir (from argv[0] and PATH) when /proc is not mounted.
{
	char target[PATH_MAX];
	const ssize_t length = readlink("/proc/self/exe", target, sizeof(target) - 1);
	Poco::Path directory = length > 0
		? Poco::Path(std::string(target, static_cast<std::size_t>(length))).parent()
		: Poco::Path(applicationDirectory);
	directory.makeDirectory();
	return directory.popDirectory();
}

} // namespace

RestreamApplication::RestreamApplication() = default;

void RestreamApplication::defineOptions(Poco::Util::OptionSet& options)
{
	ServerApplication::defineOptions(options);
	options.addOption(Poco::Util::Option("help", "h", "print this help and exit"));
	options.addOption(Poco::Util::Option("version", "", "print the version, plugin API and build signature, and exit"));
	options.addOption(Poco::Util::Option("config", "c", "read the configuration from FILE (.ini or .properties)")
						  .argument("FILE")
						  .repeatable(false));
	options.addOption(Poco::Util::Option("define", "D", "set a configuration key (wins over file and environment)")
						  .argument("KEY=VALUE")
						  .repeatable(true));
	options.addOption(Poco::Util::Option("plugin-dir", "", "load plugins from DIR (key plugins.dir)").argument("DIR").repeatable(false));
}

void RestreamApplication::handleOption(const std::string& name, const std::string& value)
{
	ServerApplication::handleOption(name, value);
	if (name == "help")
	{
		_helpRequested = true;
		stopOptionsProcessing();
	}
	else if (name == "version")
	{
		_versionRequested = true;
	}
	else if (name == "config")
	{
		// made absolute now: --daemon changes to / before main() runs
		_configFile = Poco::Path(value).absolute().toString();
	}
	else if (name == "define")
	{
		const auto equals = value.find('=');
		if (equals == std::string::npos || equals == 0)
		{
			std::cerr << "--define needs KEY=VALUE, not '" << value << "'" << std::endl;
			_badOption = true;
		}
		else
		{
			const std::string key = value.substr(0, equals);
			std::string setting = value.substr(equals + 1);
			const std::string folded = Poco::toLower(key);
			if ((folded == "state.dir" || folded == "plugins.dir") && !setting.empty()) setting = Poco::Path(setting).absolute().toString();
			_configuration.define(key, setting);
		}
	}
	else if (name == "plugin-dir")
	{
		_configuration.define("plugins.dir", Poco::Path(value).absolute().toString());
	}
}

void RestreamApplication::printHelp()
{
	Poco::Util::HelpFormatter help(options());
	help.setCommand(commandName());
	help.setUsage("[OPTIONS] | settings | hash-password");
	help.setHeader("restream: pulls an IPTV channel once and republishes it as HLS. Plugins give it sources, outputs and web faces.");
	help.setFooter("Environment: every key K is also read from RESTREAM_<K upper-cased, '.' and '-' as '_'>, "
				   "e.g. state.dir from RESTREAM_STATE_DIR. `restream settings` prints every key with its default, type and meaning; "
				   "`restream hash-password` prints a hash for ADMIN_PASSWORD_HASH.");
	help.format(std::cout);
}

void RestreamApplication::installLogging()
{
	_configuration.declare(Setting::text("log.level", "information", "fatal, critical, error, warning, notice, information, debug or trace"));
	Poco::AutoPtr<Poco::PatternFormatter> formatter(new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i %q %s: %t"));
	formatter->setProperty("times", "local");
	Poco::AutoPtr<Poco::Channel> console(new Poco::FormattingChannel(formatter, new Poco::ConsoleChannel));
	Poco::AutoPtr<Poco::Channel> redacting(new RedactingChannel(_redactor, console));
	Poco::Logger::setChannel("", redacting);
	Poco::Logger::root().setChannel(redacting);
	const int level = Poco::Logger::parseLevel(_configuration.view().getString("log.level"));
	Poco::Logger::setLevel("", level);
	Poco::Logger::root().setLevel(level);
	FfmpegLog::install(Poco::Logger::get("ffmpeg"));
}

void RestreamApplication::blockTerminationSignals()
{
	sigset_t signals;
	sigemptyset(&signals);
	if (!std::getenv("POCO_ENABLE_DEBUGGER")) sigaddset(&signals, SIGINT); // as Poco's waitForTerminationRequest()
	sigaddset(&signals, SIGQUIT);
	sigaddset(&signals, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

void RestreamApplication::raiseOpenFilesLimit()
{
	rlimit limit{};
	if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
	if (limit.rlim_cur < limit.rlim_max)
	{
		limit.rlim_cur = limit.rlim_max;
		setrlimit(RLIMIT_NOFILE, &limit);
		getrlimit(RLIMIT_NOFILE, &limit);
	}
	Poco::Logger::get("host").information("open files limit %lu", static_cast<unsigned long>(limit.rlim_cur));
}

int RestreamApplication::main(const std::vector<std::string>& arguments)
{
	if (_helpRequested)
	{
		printHelp();
		return EXIT_OK;
	}
	if (_versionRequested)
	{
		std::cout << "restream " << RESTREAM_VERSION << " (plugin API " << RESTREAM_PLUGIN_API_MAJOR << "." << RESTREAM_PLUGIN_API_MINOR
				  << "; " << buildSignature() << ")" << std::endl;
		return EXIT_OK;
	}
	if (_badOption) return EXIT_USAGE;

	// The install tree and the build tree share one layout: bin/, etc/restream/, lib/restream/plugins/.
	const Poco::Path prefix = installationPrefix(config().getString("application.dir"));
	const std::string installedConfig = Poco::Path(prefix).append("etc/restream/restream.ini").toString();
	const std::string defaultPluginDirectory = Poco::Path(prefix).append("lib/restream/plugins/").toString();
	try
	{
		if (!_configFile.empty())
			_configuration.loadFile(_configFile);
		else if (Poco::File(installedConfig).exists())
			_configuration.loadFile(installedConfig);
		installLogging();
	}
	catch (const Poco::Exception& exc)
	{
		std::cerr << "restream: " << exc.displayText() << std::endl;
		return EXIT_CONFIG;
	}
	Poco::Logger& logger = Poco::Logger::get("host");
	if (!arguments.empty() && arguments.front() == "settings")
	{
		Poco::Logger::setLevel("", Poco::Message::PRIO_ERROR); // the table only, on standard output
		Host host(_configuration, _redactor, defaultPluginDirectory);
		SettingsCommand::print(host.settings(), std::cout);
		return EXIT_OK;
	}
	if (!arguments.empty())
	{
		std::cerr << "restream: unknown command '" << arguments.front() << "' (commands: settings, hash-password)" << std::endl;
		return EXIT_USAGE;
	}
	logger.information("restream %s starting (plugin API %d.%d)", std::string(RESTREAM_VERSION), RESTREAM_PLUGIN_API_MAJOR, RESTREAM_PLUGIN_API_MINOR);
	raiseOpenFilesLimit();
	blockTerminationSignals();
	int status = EXIT_OK;
	{
		Host host(_configuration, _redactor, defaultPluginDirectory);
		try
		{
			host.start();
			waitForTerminationRequest();
		}
		catch (const Poco::Exception& exc)
		{
			logger.critical("cannot run: %s", exc.displayText());
			status = EXIT_CONFIG;
		}
		host.stop();
	}
	FfmpegLog::uninstall();
	return status;
}

} // namespace restream::host
