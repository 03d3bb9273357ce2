//
// WorkerPool.cpp
//

#include "http/WorkerPool.h"
#include "logging/ThreadName.h"

namespace restream::host {

WorkerPool::WorkerPool(std::string name, std::size_t maxThreads, std::size_t maxQueued):
	_name(std::move(name)),
	_maxThreads(std::max<std::size_t>(maxThreads, 1)),
	_maxQueued(maxQueued)
{
}

WorkerPool::~WorkerPool()
{
	stop();
}

bool WorkerPool::submit(std::function<void()> task)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_stopping || _tasks.size() >= _maxQueued) return false;
	_tasks.push_back(std::move(task));
	if (_idle == 0 && _threads.size() < _maxThreads)
		_threads.emplace_back([this] { work(); });
	else
		_wakeUp.notify_one();
	return true;
}

void WorkerPool::stop()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_stopping && _threads.empty()) return;
		_stopping = true;
	}
	_wakeUp.notify_all();
	for (auto& thread : _threads) thread.join();
	_threads.clear();
}

void WorkerPool::work()
{
	ThreadName::set("http-" + _name);
	std::unique_lock<std::mutex> lock(_mutex);
	for (;;)
	{
		++_idle;
		_wakeUp.wait(lock, [this] { return _stopping || !_tasks.empty(); });
		--_idle;
		if (_tasks.empty()) return; // stopping, and nothing left to run
		std::function<void()> task = std::move(_tasks.front());
		_tasks.pop_front();
		lock.unlock();
		task();
		task = nullptr; // what the task holds goes before the lock is taken again
		lock.lock();
	}
}

} // namespace restream::host
