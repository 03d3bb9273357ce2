//
// BeastServer.h
//

#ifndef restream_bench_BeastServer_INCLUDED
#define restream_bench_BeastServer_INCLUDED

#include "PerAddressLimit.h"
#include "ServedContent.h"
#include "ServingOptions.h"
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <memory>
#include <vector>

namespace restream::bench {

class BeastServer
	/// The Boost.Beast candidate: one io_context per I/O thread (options.threads of them), each the
	/// only thread of the connections it owns. Each accepts its own connections from the one listening
	/// socket (an acceptor on a dup of it each, as nginx's workers and MHD's pool threads do), so a
	/// burst of connections is taken by whichever thread is free. Connections past
	/// options.maxPerAddress from one address are closed at once. Binds 127.0.0.1:options.port in the
	/// constructor (throws boost::system::system_error).
{
public:
	BeastServer(const ServingOptions& options, const ServedContent& content);
		/// content must outlive the server.

	unsigned short port() const;

	void run();
		/// Serves on options.threads threads (the caller's among them) until SIGINT or SIGTERM.

private:
	using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;

	void accept(boost::asio::ip::tcp::acceptor& acceptor);

	const ServingOptions _options;
	const ServedContent& _content;
	std::vector<std::unique_ptr<boost::asio::io_context>> _contexts;
	std::vector<WorkGuard> _work;
	std::vector<std::unique_ptr<boost::asio::ip::tcp::acceptor>> _acceptors;  /// one a context, the first bound, the others on dups of it
	boost::asio::signal_set _signals;
	PerAddressLimit _limit;
};

} // namespace restream::bench

#endif // restream_bench_BeastServer_INCLUDED
