//
// AccountMonitor.cpp
//

#include "live/AccountMonitor.h"
#include <Poco/Logger.h>

namespace restream::host {

AccountMonitor::AccountMonitor(Fetch fetch, Poco::Timespan interval, Poco::Logger& logger):
	_fetch(std::move(fetch)),
	_interval(interval),
	_logger(logger),
	_thread("account-monitor")
{
}

AccountMonitor::~AccountMonitor()
{
	stop();
}

void AccountMonitor::start()
{
	_started = true;
	_thread.start(*this);
}

void AccountMonitor::stop()
{
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_stopping = true;
	}
	_wakeUp.set();
	if (_started) _thread.join();
	_started = false;
}

AccountMonitor::Snapshot AccountMonitor::snapshot() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _snapshot;
}

void AccountMonitor::refreshSoon()
{
	_wakeUp.set();
}

void AccountMonitor::run()
{
	for (;;)
	{
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			if (_stopping) return;
		}
		try
		{
			const SourceAccount account = _fetch();
			Poco::FastMutex::ScopedLock lock(_mutex);
			if (!_snapshot.known || _snapshot.maxConnections != account.maxConnections)
				_logger.information("provider account: %d connection(s) allowed, %d in use", account.maxConnections, account.activeConnections);
			_snapshot.known = true;
			_snapshot.maxConnections = account.maxConnections;
			_snapshot.activeConnections = account.activeConnections;
			_snapshot.fetchedAt.update();
		}
		catch (const SourceException& exc)
		{
			_logger.debug("provider account not read: %s", exc.message());
		}
		_wakeUp.tryWait(static_cast<long>(_interval.totalMilliseconds()));
	}
}

} // namespace restream::host
