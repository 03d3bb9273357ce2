//
// PlaylistWaiters.cpp
//

#include "PlaylistWaiters.h"
#include "MediaResponse.h"
#include <vector>

namespace outputhls {

PlaylistWaiters::PlaylistWaiters(std::shared_ptr<ChannelDirectory> directory, Poco::Timespan startWait):
	_directory(std::move(directory)),
	_startWait(startWait),
	_timer(100, 100)
{
	_timer.start(Poco::TimerCallback<PlaylistWaiters>(*this, &PlaylistWaiters::expire));
}

PlaylistWaiters::~PlaylistWaiters()
{
	stop();
}

void PlaylistWaiters::wait(Poco::Int64 streamId, HlsPaths::PlaylistLocation location, const Want& want,
	const restream::RouteRequest& request, std::shared_ptr<restream::RouteResponse> response, Poco::Timespan longest)
{
	Waiter waiter{streamId, location, want, request, std::move(response), Poco::Timestamp(), longest > 0 ? longest : _startWait};
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_waiters.emplace(streamId, waiter);
	}
	published(streamId); // it may have come while the request was on its way here
}

bool PlaylistWaiters::ready(HlsChannel& channel, const Waiter& waiter)
{
	if (!waiter.want.lowLatency) return channel.playlist(waiter.location) != nullptr;
	PartPlaylist& playlist = channel.lowLatency();
	if (!playlist.playlist(waiter.location)) return false;
	return !waiter.want.blocking ||
		playlist.reload(waiter.want.sequence, waiter.want.hasPart, waiter.want.part) != PartPlaylist::Reload::Wait;
}

void PlaylistWaiters::published(Poco::Int64 streamId)
{
	std::shared_ptr<HlsChannel> channel = _directory->find(streamId);
	if (!channel) return;
	std::vector<Waiter> answered;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		const auto range = _waiters.equal_range(streamId);
		for (auto it = range.first; it != range.second;)
		{
			if (ready(*channel, it->second))
			{
				answered.push_back(it->second);
				it = _waiters.erase(it);
			}
			else
			{
				++it;
			}
		}
	}
	for (const auto& waiter : answered) answer(waiter);
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
			if (it->second.since.isElapsed(it->second.longest.totalMicroseconds()) || !it->second.response->isOpen())
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
	send(_directory->find(waiter.streamId), waiter.location, waiter.want, waiter.request, *waiter.response);
}

void PlaylistWaiters::send(const std::shared_ptr<HlsChannel>& channel, HlsPaths::PlaylistLocation location, const Want& want,
	const restream::RouteRequest& request, restream::RouteResponse& response)
{
	if (!channel) return MediaResponse::sendNotFound(response, "no active stream");
	const std::string* cacheControl = &MediaResponse::PLAYLIST_CACHE;
	if (want.lowLatency && want.blocking &&
		channel->lowLatency().reload(want.sequence, want.hasPart, want.part) != PartPlaylist::Reload::Ready)
		cacheControl = &MediaResponse::NOT_STORED;
	// read after the verdict, so that a Ready one's text holds the asked part
	std::shared_ptr<const std::string> text = want.lowLatency ? channel->lowLatency().playlist(location) : channel->playlist(location);
	if (!text) return MediaResponse::sendNotFound(response, "no active stream");
	const std::size_t sent = MediaResponse::sendPlaylist(request, response, std::move(text), *cacheControl);
	if (!request.isHead()) channel->served(request.clientAddress, request.header("User-Agent"), sent);
}

} // namespace outputhls
