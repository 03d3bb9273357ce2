//
// LeaseBook.h
//

#ifndef restream_host_LeaseBook_INCLUDED
#define restream_host_LeaseBook_INCLUDED

#include <Poco/Types.h>
#include <mutex>

namespace restream::host {

class ChannelEngine;

class LeaseBook
	/// What every lease shares with the engine that issued it, so that a
	/// lease destroyed after the engine (a plugin that keeps one a little
	/// too long) finds nothing to release instead of a dangling engine.
	/// Threads: any. Lock order: the book's lock before the engine's.
{
public:
	explicit LeaseBook(ChannelEngine& engine);

	void release(Poco::Int64 streamId, Poco::UInt64 lease);
		/// Tells the engine, if it still exists.

	bool active(Poco::Int64 streamId, Poco::UInt64 lease);
		/// Whether the engine still holds streamId for lease.

	void close();
		/// The engine is going: later releases do nothing. Waits for a
		/// release under way.

private:
	std::mutex _mutex;
	ChannelEngine* _engine;
};

} // namespace restream::host

#endif // restream_host_LeaseBook_INCLUDED
