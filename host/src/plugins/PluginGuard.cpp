//
// PluginGuard.cpp
//

#include "plugins/PluginGuard.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace restream::host {

PluginGuard::Outcome PluginGuard::run(Poco::Logger& logger, const std::string& plugin, const std::string& phase,
	const std::function<void()>& call, const Poco::Timespan& deadline)
{
	struct Shared
	{
		std::mutex mutex;
		std::condition_variable finished;
		bool done = false;
		bool threw = false;
	};
	auto shared = std::make_shared<Shared>();
	std::thread worker([shared, call, &logger, plugin, phase]() {
		const bool ok = PluginGuard::call(logger, plugin, phase, call);
		std::lock_guard<std::mutex> lock(shared->mutex);
		shared->threw = !ok;
		shared->done = true;
		shared->finished.notify_all();
	});
	std::unique_lock<std::mutex> lock(shared->mutex);
	if (!shared->finished.wait_for(lock, std::chrono::microseconds(deadline.totalMicroseconds()), [&] { return shared->done; }))
	{
		lock.unlock();
		worker.detach();
		logger.error("plugin %s: %s did not return within %d s; the plugin is abandoned (its library stays loaded)",
			plugin, phase, static_cast<int>(deadline.totalSeconds()));
		return Outcome::TimedOut;
	}
	const bool threw = shared->threw;
	lock.unlock();
	worker.join();
	return threw ? Outcome::Threw : Outcome::Done;
}

bool PluginGuard::call(Poco::Logger& logger, const std::string& plugin, const std::string& phase, const std::function<void()>& call)
{
	try
	{
		call();
		return true;
	}
	catch (...)
	{
		logger.error("plugin %s failed in %s: %s", plugin, phase, describeCurrentException());
		return false;
	}
}

std::string PluginGuard::describeCurrentException()
{
	try
	{
		throw;
	}
	catch (const Poco::Exception& exc)
	{
		return exc.displayText();
	}
	catch (const std::exception& exc)
	{
		return exc.what();
	}
	catch (...)
	{
		return "unknown exception";
	}
}

} // namespace restream::host
