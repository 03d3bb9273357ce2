//
// HlsViewers.cpp
//
// Library: fakeprovider
//


#include "HlsViewers.h"
#include "ChannelHub.h"
#include "ConnectionSlots.h"
#include "StatsRecorder.h"
#include "Poco/NumberFormatter.h"
#include <vector>


namespace fakeprovider {


const std::chrono::milliseconds HlsViewers::REAP_INTERVAL(100);


HlsViewers::HlsViewers(ChannelHub& hub, ConnectionSlots& slots, StatsRecorder& stats):
	_hub(hub),
	_slots(slots),
	_stats(stats),
	_random(std::random_device()())
{
}


HlsViewers::~HlsViewers()
{
	stop();
}


HlsViewers::Admission HlsViewers::admit(const Catalog::Channel& channel, std::shared_ptr<HlsViewer>& pViewer)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_stopped) return Admission::STOPPED;
	auto it = _viewers.find(channel.streamId);
	if (it != _viewers.end())
	{
		pViewer = it->second;
		pViewer->touch();
		return Admission::JOINED;
	}
	if (!_slots.tryAcquire()) return Admission::REFUSED;
	const std::string token = Poco::NumberFormatter::formatHex(_random(), 16) + Poco::NumberFormatter::formatHex(_random(), 16);
	pViewer = std::make_shared<HlsViewer>(channel.streamId, token);
	_viewers[channel.streamId] = pViewer;
	_stats.streamOpened(channel.streamId);
	// Subscribed under the lock, so that whoever removes the viewer finds it subscribed.
	if (!_hub.subscribe(channel, pViewer->segmenter())) pViewer->segmenter()->close();
	if (!_reaper.joinable()) _reaper = std::thread(&HlsViewers::reap, this);
	return Admission::STARTED;
}


bool HlsViewers::running(int channelId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _viewers.count(channelId) > 0;
}


std::shared_ptr<HlsViewer> HlsViewers::find(const std::string& token) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (const auto& entry: _viewers)
	{
		if (entry.second->token() == token) return entry.second;
	}
	return nullptr;
}


void HlsViewers::endAll()
{
	std::map<int, std::shared_ptr<HlsViewer>> ended;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		ended.swap(_viewers);
	}
	for (const auto& entry: ended) end(entry.second);
}


void HlsViewers::stop()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_stopped = true;
		_wakeUp.notify_all();
	}
	// No thread is started once _stopped is set, so _reaper is stable here.
	if (_reaper.joinable()) _reaper.join();
	endAll();
}


void HlsViewers::reap()
{
	std::unique_lock<std::mutex> lock(_mutex);
	while (!_stopped)
	{
		_wakeUp.wait_for(lock, REAP_INTERVAL);
		const HlsViewer::Clock::time_point now = HlsViewer::Clock::now();
		std::vector<std::shared_ptr<HlsViewer>> ended;
		for (auto it = _viewers.begin(); it != _viewers.end(); )
		{
			if (it->second->idle(now))
			{
				ended.push_back(it->second);
				it = _viewers.erase(it);
			}
			else ++it;
		}
		lock.unlock();
		for (const auto& pViewer: ended) end(pViewer);
		lock.lock();
	}
}


void HlsViewers::end(const std::shared_ptr<HlsViewer>& pViewer)
{
	pViewer->segmenter()->close();
	_hub.unsubscribe(pViewer->channelId(), pViewer->segmenter());
	_stats.streamClosed(pViewer->channelId());
	_slots.release();
}


} // namespace fakeprovider
