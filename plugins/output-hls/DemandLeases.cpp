//
// DemandLeases.cpp
//

#include "DemandLeases.h"
#include <vector>

namespace outputhls {

DemandLeases::DemandLeases(restream::Channels& channels, Poco::Timespan idle):
	_channels(channels),
	_idle(idle),
	_timer(500, 500)
{
	_timer.start(Poco::TimerCallback<DemandLeases>(*this, &DemandLeases::expire));
}

DemandLeases::~DemandLeases()
{
	releaseAll();
}

void DemandLeases::hold(Poco::Int64 streamId)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		const auto found = _held.find(streamId);
		if (found != _held.end() && found->second.lease->active())
		{
			found->second.lastRequest.update();
			return;
		}
		if (found != _held.end()) _held.erase(found); // the admin took its connection: ask again
	}
	// asked without the lock: the host may start the channel
	std::unique_ptr<restream::ChannelLease> lease = _channels.acquire(streamId, "output-hls viewers");
	std::lock_guard<std::mutex> lock(_mutex);
	Held& held = _held[streamId];
	if (!held.lease || !held.lease->active()) held.lease = std::move(lease); // else another request took one meanwhile: this one goes
	held.lastRequest.update();
}

void DemandLeases::renew(Poco::Int64 streamId)
{
	std::lock_guard<std::mutex> lock(_mutex);
	const auto found = _held.find(streamId);
	if (found != _held.end()) found->second.lastRequest.update();
}

void DemandLeases::releaseAll()
{
	_timer.stop();
	std::map<Poco::Int64, Held> released;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		released.swap(_held);
	}
}

void DemandLeases::expire(Poco::Timer&)
{
	std::vector<std::unique_ptr<restream::ChannelLease>> released; // let go outside the lock
	std::lock_guard<std::mutex> lock(_mutex);
	for (auto it = _held.begin(); it != _held.end();)
	{
		if (it->second.lastRequest.isElapsed(_idle.totalMicroseconds()))
		{
			released.push_back(std::move(it->second.lease));
			it = _held.erase(it);
		}
		else
		{
			++it;
		}
	}
}

} // namespace outputhls
