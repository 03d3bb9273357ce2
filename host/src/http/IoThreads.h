//
// IoThreads.h
//

#ifndef restream_host_IoThreads_INCLUDED
#define restream_host_IoThreads_INCLUDED

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

namespace restream::host {

class IoThreads
	/// The fixed set of I/O threads every HTTP port shares (http.ioThreads):
	/// one Asio io_context per thread, so everything that belongs to one
	/// connection runs on one thread, in order, without locks. Connections
	/// wait in epoll while idle; no thread is given to a connection.
	///
	/// Ownership: owns the contexts and threads; every port, connection and
	/// handler on them must be gone (or abandoned to stop()) before it is
	/// destroyed. Threads: start(), stop() and the destructor from one
	/// thread; context() from any.
{
public:
	explicit IoThreads(std::size_t count);
		/// count contexts and threads (at least one).
	~IoThreads();

	void start();
	void stop();
		/// Stops every context, joins the threads and destroys the handlers
		/// still queued (and what they hold). Idempotent.

	boost::asio::io_context& context();
		/// The next context, round robin: where a new connection lives.

	std::size_t size() const;

	static std::size_t defaultCount();
		/// The number of cores, at least 2.

private:
	using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;

	std::vector<std::unique_ptr<boost::asio::io_context>> _contexts;
	std::vector<WorkGuard> _guards;
	std::vector<std::thread> _threads;
	std::atomic<std::size_t> _next{0};
	bool _stopped = false;
};

} // namespace restream::host

#endif // restream_host_IoThreads_INCLUDED
