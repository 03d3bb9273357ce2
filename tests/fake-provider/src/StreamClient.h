//
// StreamClient.h
//
// Library: fakeprovider
//
// The queue between a channel's encoder and one connected stream client.
//


#ifndef FakeProvider_StreamClient_INCLUDED
#define FakeProvider_StreamClient_INCLUDED


#include "ChunkSink.h"
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>


namespace fakeprovider {


class StreamClient: public ChunkSink
	/// A bounded queue of MPEG-TS chunks for one client connection. The encoder thread pushes
	/// (never blocking); the connection's thread pops. When more than the backlog limit is queued
	/// the client is dropped: the queue is emptied and the client is closed as overflowed.
	/// Thread-safe.
{
public:
	explicit StreamClient(std::size_t backlogLimit);

	void push(const Chunk& chunk) override;
		/// Queues a chunk, or drops the client if the backlog would exceed the limit.
		/// Does nothing once closed.

	Chunk pop(std::chrono::milliseconds timeout);
		/// Waits up to timeout for a chunk; returns nullptr on timeout or once closed.

	void close() override;
		/// Ends the stream (shutdown, encoder failure); wakes a waiting pop().

	bool closed() const;
	bool overflowed() const;
		/// closed() because it fell too far behind.

private:
	const std::size_t _backlogLimit;
	mutable std::mutex _mutex;
	std::condition_variable _ready;
	std::deque<Chunk> _queue;
	std::size_t _queuedBytes = 0;
	bool _closed = false;
	bool _overflowed = false;
};


} // namespace fakeprovider


#endif // FakeProvider_StreamClient_INCLUDED
