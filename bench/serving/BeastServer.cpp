//
// BeastServer.cpp
//

#include "BeastServer.h"
#include "BeastSession.h"
#include <boost/asio/ip/address_v4.hpp>
#include <csignal>
#include <thread>

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
	_acceptor(*_contexts.front()),
	_signals(*_contexts.front(), SIGINT, SIGTERM),
	_limit(options.maxPerAddress)
{
	const asio::ip::tcp::endpoint endpoint(asio::ip::address_v4::loopback(), static_cast<unsigned short>(options.port));
	_acceptor.open(endpoint.protocol());
	_acceptor.set_option(asio::socket_base::reuse_address(true));
	_acceptor.bind(endpoint);
	_acceptor.listen(asio::socket_base::max_listen_connections);
	for (auto& context : _contexts) _work.push_back(asio::make_work_guard(*context));
}

unsigned short BeastServer::port() const
{
	return _acceptor.local_endpoint().port();
}

void BeastServer::run()
{
	_signals.async_wait([this](const boost::system::error_code&, int) {
		_acceptor.close();
		for (auto& work : _work) work.reset();
		for (auto& context : _contexts) context->stop();
	});
	accept();
	std::vector<std::thread> threads;
	for (std::size_t i = 1; i < _contexts.size(); ++i) threads.emplace_back([context = _contexts[i].get()] { context->run(); });
	_contexts.front()->run();
	for (auto& thread : threads) thread.join();
}

void BeastServer::accept()
{
	asio::io_context& owner = *_contexts[_next];
	_next = (_next + 1) % _contexts.size();
	_acceptor.async_accept(owner, [this](boost::system::error_code error, asio::ip::tcp::socket socket) {
		if (error == asio::error::operation_aborted) return;
		if (!error)
		{
			boost::system::error_code ignored;
			const std::string address = socket.remote_endpoint(ignored).address().to_string();
			if (!ignored && _limit.admit(address))
			{
				auto ticket = std::make_unique<PerAddressLimit::Ticket>(_limit, address);
				// the session starts on its own thread: everything it does stays there
				asio::post(socket.get_executor(), [this, socket = std::move(socket), ticket = std::move(ticket)]() mutable {
					std::make_shared<BeastSession>(std::move(socket), _content, std::chrono::seconds(_options.headerTimeout), std::move(ticket))
						->start();
				});
			}
		}
		accept();  // also after an error such as EMFILE: the next accept may succeed
	});
}

} // namespace restream::bench
