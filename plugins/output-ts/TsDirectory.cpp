//
// TsDirectory.cpp
//

#include "TsDirectory.h"
#include "TsResponse.h"
#include "restream/ChannelErrors.h"
#include <Poco/Logger.h>

namespace outputts {

TsDirectory::TsDirectory(restream::Channels& channels, std::size_t ringCapacity, Poco::Timespan startWait, Poco::Logger& logger):
	_channels(channels),
	_ringCapacity(ringCapacity),
	_startWait(startWait),
	_logger(logger)
{
}

std::shared_ptr<TsChannel> TsDirectory::open(Poco::Int64 streamId)
{
	auto channel = std::make_shared<TsChannel>(streamId, _ringCapacity, _logger);
	std::shared_ptr<TsChannel> previous;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_closed) channel->end();
		std::shared_ptr<TsChannel>& served = _served[streamId];
		previous.swap(served);
		served = channel;
	}
	if (previous) previous->end(); // its viewers are released here, outside the lock
	return channel;
}

void TsDirectory::close(const std::shared_ptr<TsChannel>& channel)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		const auto found = _served.find(channel->streamId());
		if (found != _served.end() && found->second == channel) _served.erase(found);
	}
	channel->end();
}

void TsDirectory::adopt(const std::shared_ptr<TsChannel>& channel)
{
	std::vector<std::unique_ptr<TsViewer>> gone;
	std::lock_guard<std::mutex> lock(_mutex);
	const auto waiting = _waiting.find(channel->streamId());
	if (waiting == _waiting.end()) return;
	const auto served = _served.find(channel->streamId());
	if (served == _served.end() || served->second != channel) return;
	attachLocked(channel, waiting->second, gone);
	if (waiting->second.empty()) _waiting.erase(waiting);
	// gone viewers' leases are released when the vector goes, after the lock (declared first)
}

void TsDirectory::serve(std::unique_ptr<TsViewer> viewer)
{
	std::vector<std::unique_ptr<TsViewer>> gone;
	Expired refused{nullptr, Expired::Why::Stopping};
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_closed)
		{
			refused.viewer = std::move(viewer);
		}
		else
		{
			std::vector<std::unique_ptr<TsViewer>> waiting;
			waiting.push_back(std::move(viewer));
			const auto served = _served.find(waiting.front()->streamId);
			if (served != _served.end()) attachLocked(served->second, waiting, gone);
			for (auto& left : waiting) _waiting[left->streamId].push_back(std::move(left));
		}
	}
	if (refused.viewer) answer(refused);
}

bool TsDirectory::serving(Poco::Int64 streamId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _served.count(streamId) > 0;
}

void TsDirectory::sweep()
{
	std::vector<std::shared_ptr<TsChannel>> channels;
	std::vector<Expired> expired;
	std::vector<std::unique_ptr<TsViewer>> gone;
	const bool program = _channels.program() != 0; // asked before the lock: a host call
	{
		std::lock_guard<std::mutex> lock(_mutex);
		for (const auto& served : _served) channels.push_back(served.second);
		for (auto waiting = _waiting.begin(); waiting != _waiting.end();)
		{
			auto& viewers = waiting->second;
			const auto served = _served.find(waiting->first);
			if (served != _served.end()) attachLocked(served->second, viewers, gone); // in case a join point came unnoticed
			for (auto it = viewers.begin(); it != viewers.end();)
			{
				TsViewer& viewer = **it;
				Expired::Why why = Expired::Why::Left;
				if (!viewer.response->isOpen())
					why = Expired::Why::Left;
				else if (viewer.leaseLost())
					why = Expired::Why::LeaseLost;
				else if (viewer.streamId == 0 && !program && served == _served.end())
					why = Expired::Why::NoProgram;
				else if (viewer.arrived.isElapsed(_startWait.totalMicroseconds()))
					why = Expired::Why::TimedOut;
				else
				{
					++it;
					continue;
				}
				expired.push_back(Expired{std::move(*it), why});
				it = viewers.erase(it);
			}
			waiting = viewers.empty() ? _waiting.erase(waiting) : std::next(waiting);
		}
	}
	for (auto& entry : expired) answer(entry);
	for (const auto& channel : channels)
	{
		std::vector<std::unique_ptr<TsViewer>> dropped = channel->sweep();
		dropped.clear(); // leases released here, outside every lock
	}
}

void TsDirectory::closeAll()
{
	std::map<Poco::Int64, std::shared_ptr<TsChannel>> served;
	std::vector<Expired> expired;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_closed = true;
		served.swap(_served);
		for (auto& waiting : _waiting)
		{
			for (auto& viewer : waiting.second) expired.push_back(Expired{std::move(viewer), Expired::Why::Stopping});
		}
		_waiting.clear();
	}
	for (auto& entry : expired) answer(entry);
	for (auto& channel : served) channel.second->end();
}

void TsDirectory::attachLocked(const std::shared_ptr<TsChannel>& channel, std::vector<std::unique_ptr<TsViewer>>& waiting,
	std::vector<std::unique_ptr<TsViewer>>& gone)
{
	for (auto it = waiting.begin(); it != waiting.end();)
	{
		const TsChannel::Attach attached = channel->attach(*it);
		if (attached == TsChannel::Attach::NotReady) return; // nor are the others
		if (attached == TsChannel::Attach::Gone) gone.push_back(std::move(*it));
		it = waiting.erase(it);
	}
}

void TsDirectory::answer(Expired& expired)
{
	TsViewer& viewer = *expired.viewer;
	restream::RouteResponse& response = *viewer.response;
	const std::string what = viewer.streamId == 0 ? std::string("the program") : "channel " + std::to_string(viewer.streamId);
	switch (expired.why)
	{
	case Expired::Why::Left:
		break;
	case Expired::Why::LeaseLost:
		TsResponse::sendUnavailable(response, "The admin took the provider connection of " + what + " for another channel", "");
		break;
	case Expired::Why::NoProgram:
		TsResponse::sendNotFound(response, "no active stream");
		break;
	case Expired::Why::Stopping:
		TsResponse::sendUnavailable(response, "restream is stopping", restream::ChannelErrors::STOPPING);
		break;
	case Expired::Why::TimedOut:
	{
		restream::ChannelStatus status;
		if (viewer.streamId != 0 && _channels.status(viewer.streamId, status) && !status.error.empty())
		{
			TsResponse::sendUnavailable(response, status.error, status.errorCode);
		}
		else
		{
			TsResponse::sendUnavailable(response,
				what + " did not start within " + std::to_string(_startWait.totalSeconds()) + " s", "");
		}
		_logger.information("%s: a viewer (%s) waited %d s for the first keyframe in vain", what, viewer.clientAddress,
			static_cast<int>(_startWait.totalSeconds()));
		break;
	}
	}
	expired.viewer.reset(); // releases the lease
}

} // namespace outputts
