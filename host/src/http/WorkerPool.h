//
// WorkerPool.h
//

#ifndef restream_host_WorkerPool_INCLUDED
#define restream_host_WorkerPool_INCLUDED

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace restream::host {

class WorkerPool
	/// The threads of one port that run routes which may block (Route::quick()
	/// false), so that no I/O thread ever waits for a provider, a disk or a
	/// lock. Threads are started on demand up to maxThreads and then kept;
	/// at most maxQueued tasks wait for one.
	///
	/// Ownership: owns its threads and the queued tasks. Threads: submit()
	/// from any thread; stop() and the destructor from one.
{
public:
	WorkerPool(std::string name, std::size_t maxThreads, std::size_t maxQueued);
	~WorkerPool();

	bool submit(std::function<void()> task);
		/// Queues task; false (and task dropped) when maxQueued tasks wait
		/// already or the pool is stopping.

	void stop();
		/// Runs what is queued, then joins the threads. Idempotent.

private:
	void work();

	const std::string _name;
	const std::size_t _maxThreads;
	const std::size_t _maxQueued;
	std::mutex _mutex;
	std::condition_variable _wakeUp;
	std::deque<std::function<void()>> _tasks;
	std::vector<std::thread> _threads;
	std::size_t _idle = 0;
	bool _stopping = false;
};

} // namespace restream::host

#endif // restream_host_WorkerPool_INCLUDED
