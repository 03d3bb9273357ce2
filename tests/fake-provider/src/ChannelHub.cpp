//
// ChannelHub.cpp
//
// Library: fakeprovider
//


#include "ChannelHub.h"


namespace fakeprovider {


ChannelHub::ChannelHub(StatsRecorder& stats, std::chrono::milliseconds linger):
	_stats(stats),
	_linger(linger)
{
}


ChannelHub::~ChannelHub()
{
	stop();
}


bool ChannelHub::subscribe(const Catalog::Channel& channel, const std::shared_ptr<StreamClient>& pClient)
{
	LiveChannel* pChannel = find(channel);
	return pChannel && pChannel->subscribe(pClient);
}


void ChannelHub::unsubscribe(const Catalog::Channel& channel, const std::shared_ptr<StreamClient>& pClient)
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _channels.find(channel.streamId);
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
		it = _channels.emplace(channel.streamId, std::make_unique<LiveChannel>(channel, _stats, _linger)).first;
	}
	return it->second.get();
}


} // namespace fakeprovider
