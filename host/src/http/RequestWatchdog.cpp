//
// RequestWatchdog.cpp
//

#include "http/RequestWatchdog.h"
#include <Poco/Logger.h>

namespace restream::host {

RequestWatchdog::RequestWatchdog(const std::string& portName, Poco::Logger& logger):
	_portName(portName),
	_logger(logger),
	_thread("watchdog-" + portName)
{
}

RequestWatchdog::~RequestWatchdog()
{
	stop();
}

void RequestWatchdog::start()
{
	_thread.start(*this);
}

void RequestWatchdog::stop()
{
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_stopping = true;
	}
	_wakeUp.set();
	if (_thread.isRunning()) _thread.join();
}

Poco::UInt64 RequestWatchdog::track(const Poco::Net::StreamSocket& socket)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	const Poco::UInt64 id = _nextId++;
	Tracked& tracked = _tracked[id];
	tracked.socket = socket;
	if (_aborting) shutdown(tracked.socket);
	return id;
}

void RequestWatchdog::arm(Poco::UInt64 id, const Poco::Timespan& deadline)
{
	if (deadline.totalMicroseconds() <= 0) return;
	Poco::FastMutex::ScopedLock lock(_mutex);
	auto it = _tracked.find(id);
	if (it == _tracked.end()) return;
	it->second.deadline = Poco::Timestamp() + deadline;
	it->second.armed = true;
}

void RequestWatchdog::disarm(Poco::UInt64 id)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	auto it = _tracked.find(id);
	if (it != _tracked.end()) it->second.armed = false;
}

void RequestWatchdog::untrack(Poco::UInt64 id)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_tracked.erase(id);
}

void RequestWatchdog::abortAll()
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_aborting = true;
	for (auto& entry : _tracked) shutdown(entry.second.socket);
}

void RequestWatchdog::run()
{
	for (;;)
	{
		_wakeUp.tryWait(200);
		Poco::FastMutex::ScopedLock lock(_mutex);
		if (_stopping) return;
		const Poco::Timestamp now;
		for (auto& entry : _tracked)
		{
			Tracked& tracked = entry.second;
			if (!tracked.armed || tracked.deadline > now) continue;
			tracked.armed = false;
			std::string peer;
			try
			{
				peer = tracked.socket.peerAddress().toString();
			}
			catch (const Poco::Exception&)
			{
				peer = "a client";
			}
			_logger.notice("port %s: a request from %s passed its deadline; connection closed", _portName, peer);
			shutdown(tracked.socket);
		}
	}
}

void RequestWatchdog::shutdown(Poco::Net::StreamSocket& socket)
{
	try
	{
		socket.shutdown();
	}
	catch (const Poco::Exception&)
	{
		// already closed by the peer: nothing left to end
	}
}

} // namespace restream::host
