//
// EventDispatcher.cpp
//

#include "live/EventDispatcher.h"
#include "plugins/PluginGuard.h"
#include <Poco/Logger.h>
#include <algorithm>

namespace restream::host {

namespace {

const std::size_t maxQueued = 10000;

class DispatcherSubscription : public Subscription
	/// Ends a subscription: once destroyed, its callback is not running
	/// (unless destroyed from inside it) and never runs again.
{
public:
	explicit DispatcherSubscription(std::shared_ptr<EventDispatcher::Subscriber> subscriber):
		_subscriber(std::move(subscriber))
	{
	}

	~DispatcherSubscription() override
	{
		if (_subscriber->deliveringThread != 0 && _subscriber->deliveringThread == Poco::Thread::currentTid())
		{
			_subscriber->active = false; // inside the callback, on the dispatcher's thread: the lock is ours already
			return;
		}
		std::lock_guard<std::mutex> lock(_subscriber->calling);
		_subscriber->active = false;
		_subscriber->callback = nullptr; // the subscriber's code and what it captured go now, not when the dispatcher prunes
	}

private:
	const std::shared_ptr<EventDispatcher::Subscriber> _subscriber;
};

} // namespace

EventDispatcher::EventDispatcher(Poco::Logger& logger):
	_logger(logger),
	_thread("channel-events")
{
}

EventDispatcher::~EventDispatcher()
{
	stop();
}

void EventDispatcher::start()
{
	_started = true;
	_thread.start(*this);
}

void EventDispatcher::stop()
{
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_stopping = true;
		_ready.broadcast();
	}
	if (_started) _thread.join();
	_started = false;
}

std::unique_ptr<Subscription> EventDispatcher::subscribe(const std::string& owner, Callback callback)
{
	auto subscriber = std::make_shared<Subscriber>();
	subscriber->owner = owner;
	subscriber->callback = std::move(callback);
	Poco::FastMutex::ScopedLock lock(_mutex);
	_subscribers.push_back(subscriber);
	return std::unique_ptr<Subscription>(new DispatcherSubscription(subscriber));
}

void EventDispatcher::publish(const ChannelEvent& event)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (_stopping) return;
	if (_queue.size() >= maxQueued)
	{
		_queue.pop_front();
		_logger.warning("channel events: a subscriber is too slow; the oldest event was dropped");
	}
	_queue.push_back(event);
	_ready.signal();
}

void EventDispatcher::run()
{
	for (;;)
	{
		ChannelEvent event;
		std::vector<std::shared_ptr<Subscriber>> subscribers;
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			while (_queue.empty() && !_stopping) _ready.wait(_mutex);
			if (_queue.empty()) return;
			event = std::move(_queue.front());
			_queue.pop_front();
			_subscribers.erase(std::remove_if(_subscribers.begin(), _subscribers.end(),
								   [](const std::shared_ptr<Subscriber>& subscriber) { return subscriber.use_count() == 1; }),
				_subscribers.end());
			subscribers = _subscribers;
		}
		for (const auto& subscriber : subscribers)
		{
			std::lock_guard<std::mutex> calling(subscriber->calling);
			if (!subscriber->active) continue;
			subscriber->deliveringThread = Poco::Thread::currentTid();
			PluginGuard::call(_logger, subscriber->owner, "channel event", [&] { subscriber->callback(event); });
			subscriber->deliveringThread = 0;
		}
	}
}

} // namespace restream::host
