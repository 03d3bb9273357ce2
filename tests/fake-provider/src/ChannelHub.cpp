//
// ChannelHub.cpp
//
// Library: fakeprovider
//


#include "ChannelHub.h"


namespace fakeprovider {


ChannelHub::ChannelHub(StatsRecorder& stats, LiveChannel::SettingsSource settings, std::chrono::milliseconds linger):
	_stats(stats),
	_settings(std::move(settings)),
	_linger(linger)
{
}


ChannelHub::~ChannelHub()
{
	stop();
}


bool ChannelHub::subscribe(const Catalog::Channel& channel, const std::shared_ptr<ChunkSink>& pClient)
{
	LiveChannel* pChannel = find(channel);
	return pChannel && pChannel->subscribe(pClient);
}


void ChannelHub::unsubscribe(int channelId, const std::shared_ptr<ChunkSink>& pClient)
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _channels.find(channelId);
	if (it != _channels.end()) it->second->unsubscribe(pClient);
}


void ChannelHub::stop()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_stopped = true;
	for (auto& entry: _channels) entry.second->stop();
}


LiveChannel* ChannelHub::find(const Catalog::Channel& channel)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_stopped) return nullptr;
	auto it = _channels.find(channel.streamId);
	if (it == _channels.end())
	{
		it = _channels.emplace(channel.streamId, std::make_unique<LiveChannel>(channel, _stats, _settings, _linger)).first;
	}
	return it->second.get();
}


} // namespace fakeprovider
