//
// ChannelHub.h
//
// Library: fakeprovider
//
// The live channels of one run of the server.
//


#ifndef FakeProvider_ChannelHub_INCLUDED
#define FakeProvider_ChannelHub_INCLUDED


#include "Catalog.h"
#include "ChunkSink.h"
#include "LiveChannel.h"
#include <chrono>
#include <map>
#include <memory>
#include <mutex>


namespace fakeprovider {


class StatsRecorder;


class ChannelHub
	/// Creates the LiveChannel of a catalog channel the first time it is streamed and keeps it
	/// (an idle one holds no thread) until stop(). Thread-safe. References the recorder, which
	/// must outlive it.
{
public:
	ChannelHub(StatsRecorder& stats, LiveChannel::SettingsSource settings, std::chrono::milliseconds linger);

	~ChannelHub();
		/// Calls stop().

	bool subscribe(const Catalog::Channel& channel, const std::shared_ptr<ChunkSink>& pClient);
		/// Subscribes the client to the channel's encoder. Returns false once stopped.

	void unsubscribe(int channelId, const std::shared_ptr<ChunkSink>& pClient);

	void stop();
		/// Closes every client and joins every encoder thread; later subscribe() calls fail.

private:
	LiveChannel* find(const Catalog::Channel& channel);

	StatsRecorder& _stats;
	const LiveChannel::SettingsSource _settings;
	const std::chrono::milliseconds _linger;
	std::mutex _mutex;
	std::map<int, std::unique_ptr<LiveChannel>> _channels;
	bool _stopped = false;
};


} // namespace fakeprovider


#endif // FakeProvider_ChannelHub_INCLUDED
