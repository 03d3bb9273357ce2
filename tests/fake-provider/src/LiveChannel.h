//
// LiveChannel.h
//
// Library: fakeprovider
//
// One channel's encoder thread and the fan-out to its clients.
//


#ifndef FakeProvider_LiveChannel_INCLUDED
#define FakeProvider_LiveChannel_INCLUDED


#include "Catalog.h"
#include "ChunkSink.h"
#include "EncoderSession.h"
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>


namespace fakeprovider {


class StatsRecorder;


class LiveChannel
	/// Runs one encoder for a channel, whatever the number of clients, and fans every chunk of
	/// MPEG-TS out to all subscribed clients. The encoder thread starts with the first client,
	/// produces frames in real time (paced by their timestamps, with the settings of the moment)
	/// and stops after the last client has been gone for the linger time; a client subscribing
	/// meanwhile joins the running stream at the live point (mid-GOP). A failing encoder is
	/// logged, closes its clients and stops.
	/// Thread-safe. References the recorder, which must outlive it.
{
public:
	using SettingsSource = std::function<EncoderSession::Settings(int channelId)>;
		/// Asked before every frame, on the encoder thread; must not throw.

	LiveChannel(const Catalog::Channel& channel, StatsRecorder& stats, SettingsSource settings, std::chrono::milliseconds linger);

	~LiveChannel();
		/// Calls stop().

	bool subscribe(const std::shared_ptr<ChunkSink>& pClient);
		/// Adds a client, starting the encoder if needed. Returns false once stopped; throws
		/// std::system_error if the encoder thread cannot be started.

	void unsubscribe(const std::shared_ptr<ChunkSink>& pClient);

	void stop();
		/// Closes every client and joins the encoder thread; later subscribe() calls fail.

private:
	using Clock = std::chrono::steady_clock;

	void run();
	void runSession();
	void deliver(const std::uint8_t* data, int size);

	const Catalog::Channel _channel;
	StatsRecorder& _stats;
	const SettingsSource _settings;
	const Clock::duration _linger;
	std::mutex _mutex;
	std::condition_variable _wakeUp;
	std::vector<std::shared_ptr<ChunkSink>> _clients;
	Clock::time_point _lastLeave;
	bool _running = false;
	bool _stopRequested = false;
	std::thread _thread;
};


} // namespace fakeprovider


#endif // FakeProvider_LiveChannel_INCLUDED
