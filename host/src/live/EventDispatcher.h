//
// EventDispatcher.h
//

#ifndef restream_host_EventDispatcher_INCLUDED
#define restream_host_EventDispatcher_INCLUDED

#include "restream/ChannelEvent.h"
#include "restream/Subscription.h"
#include <Poco/Condition.h>
#include <Poco/Mutex.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class EventDispatcher : public Poco::Runnable
	/// Delivers channel events to subscribers on a thread of its own, in the
	/// order they were published, never under a lock of the engine's (the
	/// engine publishes and returns). A slow subscriber delays the others'
	/// events, not the engine; at most 10 000 events wait, the oldest are
	/// dropped beyond (with a log line).
	///
	/// A Subscription keeps only its subscriber's state, never the
	/// dispatcher: it may be destroyed after the dispatcher, from any
	/// thread, even from inside its own callback.
	///
	/// Threads: publish() and subscribe() from any thread.
{
public:
	using Callback = std::function<void(const ChannelEvent&)>;

	explicit EventDispatcher(Poco::Logger& logger);
	~EventDispatcher() override;

	void start();
	void stop();
		/// Delivers what is queued, then ends the thread. Idempotent.

	std::unique_ptr<Subscription> subscribe(const std::string& owner, Callback callback);
		/// owner: the plugin the callback belongs to, named in the log when
		/// it throws (through PluginGuard, like every plugin failure).
	void publish(const ChannelEvent& event);

	void run() override;

	struct Subscriber
		/// One subscriber's state, shared with its Subscription.
	{
		std::string owner;
		Callback callback;
		std::mutex calling;       // held while the callback runs
		bool active = true;       // guarded by calling
		std::atomic<Poco::Thread::TID> deliveringThread{0};
	};

private:
	Poco::Logger& _logger;
	Poco::FastMutex _mutex;
	Poco::Condition _ready;
	std::deque<ChannelEvent> _queue;
	std::vector<std::shared_ptr<Subscriber>> _subscribers;
	bool _stopping = false;
	bool _started = false;
	Poco::Thread _thread;
};

} // namespace restream::host

#endif // restream_host_EventDispatcher_INCLUDED
