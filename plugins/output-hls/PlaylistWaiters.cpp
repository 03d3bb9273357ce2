//
// PlaylistWaiters.cpp
//

#include "PlaylistWaiters.h"
#include "MediaResponse.h"
#include <vector>

namespace outputhls {

PlaylistWaiters::PlaylistWaiters(std::shared_ptr<ChannelDirectory> directory, Poco::Timespan longest):
	_directory(std::move(directory)),
	_longest(longest),
	_timer(250, 250)
{
	_timer.start(Poco::TimerCallback<PlaylistWaiters>(*this, &PlaylistWaiters::expire));
}

PlaylistWaiters::~PlaylistWaiters()
{
	stop();
}

void PlaylistWaiters::wait(Poco::Int64 streamId, HlsPaths::PlaylistLocation location, const restream::RouteRequest& request,
	std::shared_ptr<restream::RouteResponse> response)
{
	Waiter waiter{streamId, location, request, std::move(response), Poco::Timestamp()};
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_waiters.emplace(streamId, waiter);
	}
	published(streamId); // it may have come while the request was on its way here
}

void PlaylistWaiters::published(Poco::Int64 streamId)
{
	std::shared_ptr<HlsChannel> channel = _directory->find(streamId);
	if (!channel || !channel->playlist(HlsPaths::PlaylistLocation::Root)) return;
	std::vector<Waiter> ready;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		const auto range = _waiters.equal_range(streamId);
		for (auto it = range.first; it != range.second; ++it) ready.push_back(it->second);
		_waiters.erase(range.first, range.second);
	}
	for (const auto& waiter : ready) answer(waiter);
}

void PlaylistWaiters::stop()
{
	_timer.stop();
	std::multimap<Poco::Int64, Waiter> left;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		left.swap(_waiters);
	}
	for (const auto& waiter : left) answer(waiter.second);
}

void PlaylistWaiters::expire(Poco::Timer&)
{
	std::vector<Waiter> expired;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		for (auto it = _waiters.begin(); it != _waiters.end();)
		{
			if (it->second.since.isElapsed(_longest.totalMicroseconds()) || !it->second.response->isOpen())
			{
				expired.push_back(it->second);
				it = _waiters.erase(it);
			}
			else
			{
				++it;
			}
		}
	}
	for (const auto& waiter : expired) answer(waiter);
}

void PlaylistWaiters::answer(const Waiter& waiter)
{
	const std::shared_ptr<HlsChannel> channel = _directory->find(waiter.streamId);
	std::shared_ptr<const std::string> text = channel ? channel->playlist(waiter.location) : nullptr;
	if (!text)
	{
		MediaResponse::sendNotFound(*waiter.response, "no active stream");
		return;
	}
	const std::size_t sent = MediaResponse::sendPlaylist(waiter.request, *waiter.response, std::move(text));
	if (!waiter.request.isHead()) channel->served(waiter.request.clientAddress, waiter.request.header("User-Agent"), sent);
}

} // namespace outputhls
