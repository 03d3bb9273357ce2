//
// IoThreads.cpp
//

#include "http/IoThreads.h"
#include "logging/ThreadName.h"
#include <algorithm>
#include <string>

namespace restream::host {

IoThreads::IoThreads(std::size_t count)
{
	for (std::size_t i = 0; i < std::max<std::size_t>(count, 1); ++i)
	{
		_contexts.push_back(std::make_unique<boost::asio::io_context>(1));
		_guards.push_back(boost::asio::make_work_guard(*_contexts.back()));
	}
}

IoThreads::~IoThreads()
{
	stop();
}

void IoThreads::start()
{
	for (std::size_t i = 0; i < _contexts.size(); ++i)
	{
		boost::asio::io_context& context = *_contexts[i];
		_threads.emplace_back([&context, i] {
			ThreadName::set("http-io-" + std::to_string(i));
			context.run();
		});
	}
}

void IoThreads::stop()
{
	if (_stopped) return;
	_stopped = true;
	for (auto& guard : _guards) guard.reset();
	for (auto& context : _contexts) context->stop();
	for (auto& thread : _threads) thread.join();
	_threads.clear();
	_contexts.clear(); // destroys what the queued handlers hold
}

boost::asio::io_context& IoThreads::context()
{
	return *_contexts[_next++ % _contexts.size()];
}

std::size_t IoThreads::size() const
{
	return _contexts.size();
}

std::size_t IoThreads::defaultCount()
{
	return std::max(2u, std::thread::hardware_concurrency());
}

} // namespace restream::host
