//
// AccountMonitor.h
//

#ifndef restream_host_AccountMonitor_INCLUDED
#define restream_host_AccountMonitor_INCLUDED

#include "restream/Source.h"
#include <Poco/Event.h>
#include <Poco/Mutex.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <functional>

namespace Poco {
class Logger;
}

namespace restream::host {

class AccountMonitor : public Poco::Runnable
	/// Keeps the provider account's facts (how many connections it allows
	/// and uses) fresh in the background, so that admission decisions never
	/// wait for the provider: fetched at start, every refresh interval, and
	/// soon after refreshSoon() (a catalog refresh, a refused stream).
	///
	/// Threads: snapshot() and refreshSoon() from any thread; the fetch runs
	/// on the monitor's own thread.
{
public:
	struct Snapshot
	{
		bool known = false;             /// an answer was ever had
		int maxConnections = 0;         /// 0: the provider does not say
		int activeConnections = 0;
		Poco::Timestamp fetchedAt;
	};

	using Fetch = std::function<SourceAccount()>;
		/// Asks the source; throws SourceException.

	AccountMonitor(Fetch fetch, Poco::Timespan interval, Poco::Logger& logger);
	~AccountMonitor() override;

	void start();
	void stop();

	Snapshot snapshot() const;
	void refreshSoon();

	void run() override;

private:
	const Fetch _fetch;
	const Poco::Timespan _interval;
	Poco::Logger& _logger;
	mutable Poco::FastMutex _mutex;
	Snapshot _snapshot;
	Poco::Event _wakeUp;
	bool _stopping = false;
	bool _started = false;
	Poco::Thread _thread;
};

} // namespace restream::host

#endif // restream_host_AccountMonitor_INCLUDED
