//
// TsChannel.cpp
//

#include "TsChannel.h"
#include "TsResponse.h"
#include <Poco/Logger.h>

namespace outputts {

TsChannel::TsChannel(Poco::Int64 streamId, std::size_t ringCapacity, Poco::Logger& logger):
	_streamId(streamId),
	_logger(logger),
	_ring(ringCapacity)
{
}

Poco::Int64 TsChannel::streamId() const
{
	return _streamId;
}

void TsChannel::publish(TsRing::Chunk chunk, bool joinPoint)
{
	std::vector<std::unique_ptr<TsViewer>> dropped; // released after the lock
	std::lock_guard<std::mutex> lock(_mutex);
	if (_ended) return;
	_ring.append(std::move(chunk), joinPoint);
	for (auto it = _viewers.begin(); it != _viewers.end();)
	{
		if (deliver(**it))
		{
			++it;
			continue;
		}
		(*it)->response->end();
		dropped.push_back(std::move(*it));
		it = _viewers.erase(it);
	}
	_viewerCount = static_cast<int>(_viewers.size());
}

TsChannel::Attach TsChannel::attach(std::unique_ptr<TsViewer>& viewer)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_ended) return Attach::Gone;
	Poco::UInt64 start = 0;
	if (!_ring.joinPoint(start)) return Attach::NotReady;
	if (!TsResponse::startStream(*viewer->response)) return Attach::Gone;
	viewer->cursor = start;
	if (!deliver(*viewer))
	{
		viewer->response->end();
		return Attach::Gone;
	}
	_viewers.push_back(std::move(viewer));
	_viewerCount = static_cast<int>(_viewers.size());
	return Attach::Attached;
}

std::vector<std::unique_ptr<TsViewer>> TsChannel::sweep()
{
	std::vector<std::unique_ptr<TsViewer>> dropped;
	std::lock_guard<std::mutex> lock(_mutex);
	for (auto it = _viewers.begin(); it != _viewers.end();)
	{
		TsViewer& viewer = **it;
		const bool lost = viewer.leaseLost();
		if (!lost && viewer.response->isOpen())
		{
			++it;
			continue;
		}
		if (lost)
			_logger.information("channel %?d: a viewer (%s) lost its channel to the admin; its stream ends", _streamId,
				viewer.clientAddress);
		viewer.response->end();
		dropped.push_back(std::move(*it));
		it = _viewers.erase(it);
	}
	_viewerCount = static_cast<int>(_viewers.size());
	return dropped;
}

std::vector<std::unique_ptr<TsViewer>> TsChannel::end()
{
	std::vector<std::unique_ptr<TsViewer>> dropped;
	std::lock_guard<std::mutex> lock(_mutex);
	_ended = true;
	for (auto& viewer : _viewers) viewer->response->end();
	dropped.swap(_viewers);
	_viewerCount = 0;
	return dropped;
}

bool TsChannel::playable() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	Poco::UInt64 start = 0;
	return !_ended && _ring.joinPoint(start);
}

int TsChannel::viewers() const
{
	return _viewerCount;
}

Poco::UInt64 TsChannel::bytesServed() const
{
	return _bytesServed;
}

bool TsChannel::deliver(TsViewer& viewer)
{
	std::vector<TsRing::Chunk> chunks;
	if (_ring.read(viewer.cursor, chunks) == TsRing::Read::Overrun)
	{
		_logger.information("channel %?d: dropped a viewer (%s) a whole ring behind", _streamId, viewer.clientAddress);
		return false;
	}
	for (auto& chunk : chunks)
	{
		const std::size_t size = chunk->size();
		if (!viewer.response->write(std::move(chunk)))
		{
			_logger.debug("channel %?d: a viewer (%s) left or fell too far behind", _streamId, viewer.clientAddress);
			return false;
		}
		_bytesServed += size;
	}
	return true;
}

} // namespace outputts
