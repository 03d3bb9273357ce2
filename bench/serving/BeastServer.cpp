//
// BeastServer.cpp
//

#include "BeastServer.h"
#include "BeastSession.h"
#include <boost/asio/ip/address_v4.hpp>
#include <cerrno>
#include <csignal>
#include <thread>
#include <unistd.h>

namespace restream::bench {

namespace asio = boost::asio;

namespace {

std::vector<std::unique_ptr<asio::io_context>> makeContexts(unsigned count)
{
	std::vector<std::unique_ptr<asio::io_context>> contexts;
	for (unsigned i = 0; i < count; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
	return contexts;
}

} // namespace

BeastServer::BeastServer(const ServingOptions& options, const ServedContent& content):
	_options(options),
	_content(content),
	_contexts(makeContexts(options.threads)),
	_signals(*_contexts.front(), SIGINT, SIGTERM),
	_limit(options.maxPerAddress)
{
	const asio::ip::tcp::endpoint endpoint(asio::ip::address_v4::loopback(), static_cast<unsigned short>(options.port));
	auto listener = std::make_unique<asio::ip::tcp::acceptor>(*_contexts.front());
	listener->open(endpoint.protocol());
	listener->set_option(asio::socket_base::reuse_address(true));
	listener->bind(endpoint);
	listener->listen(asio::socket_base::max_listen_connections);
	const int listening = listener->native_handle();
	_acceptors.push_back(std::move(listener));
	for (std::size_t i = 1; i < _contexts.size(); ++i)
	{
		const int copy = ::dup(listening);
		if (copy < 0) throw boost::system::system_error(errno, boost::system::system_category(), "dup");
		_acceptors.push_back(std::make_unique<asio::ip::tcp::acceptor>(*_contexts[i], endpoint.protocol(), copy));
	}
	for (auto& context : _contexts) _work.push_back(asio::make_work_guard(*context));
}

unsigned short BeastServer::port() const
{
	return _acceptors.front()->local_endpoint().port();
}

void BeastServer::run()
{
	_signals.async_wait([this](const boost::system::error_code&, int) {
		for (auto& work : _work) work.reset();
		for (auto& context : _contexts) context->stop();
	});
	for (auto& acceptor : _acceptors) accept(*acceptor);
	std::vector<std::thread> threads;
	for (std::size_t i = 1; i < _contexts.size(); ++i) threads.emplace_back([context = _contexts[i].get()] { context->run(); });
	_contexts.front()->run();
	for (auto& thread : threads) thread.join();
}

void BeastServer::accept(asio::ip::tcp::acceptor& acceptor)
{
	// the accepted socket belongs to the acceptor's io_context: the session stays on that thread
	acceptor.async_accept([this, &acceptor](boost::system::error_code error, asio::ip::tcp::socket socket) {
		if (error == asio::error::operation_aborted) return;
		if (!error)
		{
			boost::system::error_code ignored;
			const std::string address = socket.remote_endpoint(ignored).address().to_string();
			if (!ignored && _limit.admit(address))
			{
				auto ticket = std::make_unique<PerAddressLimit::Ticket>(_limit, address);
				std::make_shared<BeastSession>(std::move(socket), _content, std::chrono::seconds(_options.headerTimeout), std::move(ticket))->start();
			}
		}
		accept(acceptor);  // also after an error such as EMFILE: the next accept may succeed
	});
}

} // namespace restream::bench
