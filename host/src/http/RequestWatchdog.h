//
// RequestWatchdog.h
//

#ifndef restream_host_RequestWatchdog_INCLUDED
#define restream_host_RequestWatchdog_INCLUDED

#include <Poco/Event.h>
#include <Poco/Mutex.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <map>
#include <string>

namespace Poco {
class Logger;
}

namespace restream::host {

class RequestWatchdog : public Poco::Runnable
	/// Enforces a whole-request deadline on a port's connections: Poco's
	/// timeouts apply per read, so a client that trickles a byte at a time
	/// would keep a worker thread forever. Each connection is tracked for its
	/// whole life; while a request is under way (armed) and past its
	/// deadline, the watchdog shuts the socket down, which ends the blocked
	/// read or write at once. abortAll() does the same for every connection
	/// when the server stops, so idle keep-alive connections end too.
	///
	/// Threads: one thread of its own; the other methods from any thread.
{
public:
	RequestWatchdog(const std::string& portName, Poco::Logger& logger);
	~RequestWatchdog() override;

	void start();
	void stop();
		/// Starts and stops the watchdog's thread.

	Poco::UInt64 track(const Poco::Net::StreamSocket& socket);
		/// Tracks a connection and returns its id. When the watchdog is
		/// aborting, the socket is shut down at once.

	void arm(Poco::UInt64 id, const Poco::Timespan& deadline);
		/// A request started: the connection must finish it within deadline
		/// (zero: no deadline).

	void disarm(Poco::UInt64 id);
		/// The request is done.

	void untrack(Poco::UInt64 id);
		/// The connection is closing.

	void abortAll();
		/// Shuts down every tracked connection and any tracked later.

	void run() override;

private:
	struct Tracked
	{
		Poco::Net::StreamSocket socket;
		Poco::Timestamp deadline;
		bool armed = false;
	};

	static void shutdown(Poco::Net::StreamSocket& socket);

	const std::string _portName;
	Poco::Logger& _logger;
	std::map<Poco::UInt64, Tracked> _tracked;
	Poco::UInt64 _nextId = 1;
	bool _aborting = false;
	Poco::FastMutex _mutex;
	Poco::Event _wakeUp;
	bool _stopping = false;
	Poco::Thread _thread;
};

} // namespace restream::host

#endif // restream_host_RequestWatchdog_INCLUDED
