//
// PluginGuard.h
//

#ifndef restream_host_PluginGuard_INCLUDED
#define restream_host_PluginGuard_INCLUDED

#include <Poco/Timespan.h>
#include <functional>
#include <string>

namespace Poco {
class Logger;
}

namespace restream::host {

class PluginGuard
	/// The one guard around every call from the host into plugin code: an
	/// exception is caught, logged with the plugin's name and the phase, and
	/// isolated; it never reaches the host's threads.
{
public:
	enum class Outcome
	{
		Done,    /// the call returned normally
		Threw,   /// the call threw; logged
		TimedOut /// the call did not return in time; logged, still running
	};

	static Outcome run(Poco::Logger& logger, const std::string& plugin, const std::string& phase,
		const std::function<void()>& call, const Poco::Timespan& deadline);
		/// Runs call on a thread of its own and waits at most deadline. A call
		/// that misses it is abandoned: its thread goes on, detached, and the
		/// caller must never unload the plugin's library (the host then keeps
		/// the plugin loaded until the process exits).

	static bool call(Poco::Logger& logger, const std::string& plugin, const std::string& phase, const std::function<void()>& call);
		/// Runs call on the calling thread. Returns false if it threw.

private:
	static std::string describeCurrentException();
};

} // namespace restream::host

#endif // restream_host_PluginGuard_INCLUDED
