//
// PortServer.h
//

#ifndef restream_host_PortServer_INCLUDED
#define restream_host_PortServer_INCLUDED

#include "http/AddressLimit.h"
#include "http/IoThreads.h"
#include "http/PortSettings.h"
#include "http/Router.h"
#include "http/WorkerPool.h"
#include "logging/LogThrottle.h"
#include <Poco/Types.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>

namespace Poco {
class Logger;
}

namespace restream::host {

class HttpSession;

class PortServer
	/// One configured HTTP port: its listening socket as an acceptor on the
	/// shared IoThreads, an HttpSession for each connection, the port's
	/// WorkerPool for routes that may block, and the cap on open connections
	/// per client address (http.<port>.maxConnectionsPerAddress; a connection
	/// past it is closed at once; trusted proxies, ClientAddress's rule, are
	/// not capped). Holds the router (and through it the routes of plugins),
	/// so it must be stopped before those plugins stop.
	///
	/// Ownership: owns its sessions' bookkeeping; the IoThreads, ClientAddress
	/// and logger must outlive it. Threads: start() and stop() from one
	/// thread; the accessors from the port's sessions on any I/O thread.
{
public:
	PortServer(const PortSettings& settings, std::shared_ptr<const Router> router, const ClientAddress& clients, IoThreads& io,
		Poco::Logger& logger);
		/// Binds the socket. Throws Poco::Net::NetException naming the address
		/// when it cannot.
	~PortServer();

	void start();
	void stop();
		/// Stops accepting, ends every open connection (idle keep-alive ones
		/// too), waits until they are gone and joins the worker threads.
		/// Idempotent.

	const PortSettings& settings() const;
	Poco::UInt16 boundPort() const;

	const Router& router() const;
	const std::shared_ptr<const Router>& sharedRouter() const;
	const ClientAddress& clients() const;
	WorkerPool& workers();
	Poco::Logger& logger() const;
	LogThrottle& deadlineNotices();
		/// The port's one line a minute about requests that passed a deadline.

	void ended(HttpSession* session, const std::string& limitedAddress);
		/// From ~HttpSession: forgets it and releases its address's count.

private:
	void accept();
	void onAccept(const boost::system::error_code& error, boost::asio::ip::tcp::socket socket);
	void admit(boost::asio::ip::tcp::socket socket);
		/// A new connection: capped, or given a session on the next I/O thread.

	const PortSettings _settings;
	const std::shared_ptr<const Router> _router;
	const ClientAddress& _clients;
	IoThreads& _io;
	Poco::Logger& _logger;
	WorkerPool _workers;
	AddressLimit _limit;
	LogThrottle _deadlineNotices{Poco::Timespan(60, 0)};
	boost::asio::ip::tcp::acceptor _acceptor;
	boost::asio::steady_timer _retry;
	Poco::UInt16 _boundPort = 0;
	std::mutex _mutex;
	std::condition_variable _changed;
	std::map<HttpSession*, std::weak_ptr<HttpSession>> _sessions;
	bool _accepting = false;
	bool _started = false;
	bool _stopped = false;
};

} // namespace restream::host

#endif // restream_host_PortServer_INCLUDED
