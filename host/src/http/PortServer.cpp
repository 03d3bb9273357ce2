//
// PortServer.cpp
//

#include "http/PortServer.h"
#include "http/HttpSession.h"
#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <boost/asio/post.hpp>
#include <chrono>
#include <vector>

namespace restream::host {

namespace {

namespace asio = boost::asio;

const std::chrono::milliseconds acceptRetry(100);   // after a failed accept (out of descriptors): try again soon, not in a loop
const std::chrono::seconds sessionsEnd(10);         // stop() waits this long for the connections it closed
const int acceptBatch = 256;                        // connections taken from the kernel's queue per wake-up

} // namespace

PortServer::PortServer(const PortSettings& settings, std::shared_ptr<const Router> router, const ClientAddress& clients, IoThreads& io,
	Poco::Logger& logger):
	_settings(settings),
	_router(std::move(router)),
	_clients(clients),
	_io(io),
	_logger(logger),
	_workers(settings.name, static_cast<std::size_t>(settings.maxThreads), static_cast<std::size_t>(settings.maxQueued)),
	_limit(static_cast<std::size_t>(settings.maxConnectionsPerAddress)),
	_acceptor(io.context()),
	_retry(_acceptor.get_executor())
{
	const std::string described = _settings.address + ":" + std::to_string(_settings.port);
	try
	{
		const Poco::Net::SocketAddress address(_settings.address, static_cast<Poco::UInt16>(_settings.port));
		const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(address.host().toString()), address.port());
		_acceptor.open(endpoint.protocol());
		_acceptor.set_option(asio::socket_base::reuse_address(true));
		_acceptor.bind(endpoint);
		_acceptor.listen(asio::socket_base::max_listen_connections);
		_acceptor.non_blocking(true);
		_boundPort = _acceptor.local_endpoint().port();
	}
	catch (const Poco::Exception& exc)
	{
		throw Poco::Net::NetException("cannot listen on " + described + " for port " + _settings.name, exc);
	}
	catch (const boost::system::system_error& exc)
	{
		throw Poco::Net::NetException("cannot listen on " + described + " for port " + _settings.name, exc.what());
	}
}

PortServer::~PortServer()
{
	stop();
}

void PortServer::start()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_started = true;
	_accepting = true;
	asio::post(_acceptor.get_executor(), [this] { accept(); });
}

void PortServer::stop()
{
	std::unique_lock<std::mutex> lock(_mutex);
	if (_stopped) return;
	_stopped = true;
	if (_started)
	{
		// the acceptor lives on an I/O thread: close it there, and wait until its handler has seen it
		asio::post(_acceptor.get_executor(), [this] {
			boost::system::error_code ignored;
			_acceptor.close(ignored);
			_retry.cancel();
		});
		_changed.wait(lock, [this] { return !_accepting; });
	}
	std::vector<std::shared_ptr<HttpSession>> open;
	for (const auto& entry : _sessions)
	{
		if (auto session = entry.second.lock()) open.push_back(std::move(session));
	}
	lock.unlock(); // the last reference to a session may go here, and its destructor takes the lock
	for (auto& session : open) asio::post(session->executor(), [session] { session->close(); });
	open.clear();
	lock.lock();
	if (!_changed.wait_for(lock, sessionsEnd, [this] { return _sessions.empty(); }))
		_logger.warning("port %s: %z connections did not end in time", _settings.name, _sessions.size());
	lock.unlock();
	_workers.stop();
}

const PortSettings& PortServer::settings() const
{
	return _settings;
}

Poco::UInt16 PortServer::boundPort() const
{
	return _boundPort;
}

const Router& PortServer::router() const
{
	return *_router;
}

const std::shared_ptr<const Router>& PortServer::sharedRouter() const
{
	return _router;
}

const ClientAddress& PortServer::clients() const
{
	return _clients;
}

WorkerPool& PortServer::workers()
{
	return _workers;
}

Poco::Logger& PortServer::logger() const
{
	return _logger;
}

LogThrottle& PortServer::deadlineNotices()
{
	return _deadlineNotices;
}

void PortServer::ended(HttpSession* session, const std::string& limitedAddress)
{
	if (!limitedAddress.empty()) _limit.release(limitedAddress);
	std::lock_guard<std::mutex> lock(_mutex);
	_sessions.erase(session);
	_changed.notify_all();
}

void PortServer::accept()
{
	// each connection goes to the next I/O thread and stays there
	_acceptor.async_accept(_io.context(), [this](const boost::system::error_code& error, asio::ip::tcp::socket socket) {
		onAccept(error, std::move(socket));
	});
}

void PortServer::onAccept(const boost::system::error_code& error, asio::ip::tcp::socket socket)
{
	if (!_acceptor.is_open())
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_accepting = false;
		_changed.notify_all();
		return;
	}
	if (error)
	{
		_logger.debug("port %s: accept failed: %s", _settings.name, error.message());
		_retry.expires_after(acceptRetry);
		_retry.async_wait([this](const boost::system::error_code&) { accept(); });
		return;
	}
	admit(std::move(socket));
	// a thousand clients connecting at once wait in the kernel's queue: take what is there now, not one per wake-up
	for (int taken = 0; taken < acceptBatch; ++taken)
	{
		boost::system::error_code none;
		asio::ip::tcp::socket next = _acceptor.accept(_io.context(), none);
		if (none) break; // would block, or an error the next asynchronous accept reports
		admit(std::move(next));
	}
	accept();
}

void PortServer::admit(asio::ip::tcp::socket socket)
{
	boost::system::error_code failed;
	const asio::ip::tcp::endpoint peer = socket.remote_endpoint(failed);
	if (failed) return; // gone already
	const Poco::Net::IPAddress address(peer.address().to_string());
	std::string limited;
	if (!_clients.isTrustedProxy(address))
	{
		limited = address.toString();
		if (!_limit.acquire(limited))
		{
			_logger.debug("port %s: %s has %d connections open already; closed a new one", _settings.name, limited,
				_settings.maxConnectionsPerAddress);
			socket.close(failed);
			return;
		}
	}
	auto session = std::make_shared<HttpSession>(std::move(socket), *this, address, limited);
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_sessions.emplace(session.get(), session);
	}
	asio::post(session->executor(), [session] { session->start(); });
}

} // namespace restream::host
