//
// StreamClient.cpp
//
// Library: fakeprovider
//


#include "StreamClient.h"


namespace fakeprovider {


StreamClient::StreamClient(std::size_t backlogLimit):
	_backlogLimit(backlogLimit)
{
}


void StreamClient::push(const Chunk& chunk)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_closed) return;
	if (_queuedBytes + chunk->size() > _backlogLimit)
	{
		_queue.clear();
		_queuedBytes = 0;
		_closed = true;
		_overflowed = true;
	}
	else
	{
		_queue.push_back(chunk);
		_queuedBytes += chunk->size();
	}
	_ready.notify_one();
}


StreamClient::Chunk StreamClient::pop(std::chrono::milliseconds timeout)
{
	std::unique_lock<std::mutex> lock(_mutex);
	_ready.wait_for(lock, timeout, [this] { return _closed || !_queue.empty(); });
	if (_closed || _queue.empty()) return nullptr;
	Chunk chunk = _queue.front();
	_queue.pop_front();
	_queuedBytes -= chunk->size();
	return chunk;
}


void StreamClient::close()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_closed = true;
	_queue.clear();
	_queuedBytes = 0;
	_ready.notify_one();
}


bool StreamClient::closed() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _closed;
}


bool StreamClient::overflowed() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _overflowed;
}


} // namespace fakeprovider
