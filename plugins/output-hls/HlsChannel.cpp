//
// HlsChannel.cpp
//

#include "HlsChannel.h"
#include "MediaPlaylist.h"
#include <algorithm>
#include <vector>

namespace outputhls {

HlsChannel::HlsChannel(Poco::Int64 streamId, const std::string& key, const std::string& token, const Continuity& from,
	const HlsSettings& settings, std::shared_ptr<ContinuityStore> store):
	_streamId(streamId),
	_key(key),
	_token(token),
	_windowSize(std::max<std::size_t>(1, settings.windowSize)),
	_keepSegments(settings.keepSegments),
	_carriesOn(from.published),
	_firstSequence(from.nextSequence),
	_store(std::move(store)),
	_viewers(settings.viewerWindow),
	_lowLatency(streamId, token,
		PartPlaylist::Start{std::max(from.nextSequence, from.lowLatencySequence),
			std::max(from.discontinuitySequence, from.lowLatencyDiscontinuitySequence), from.published, from.lowLatencyDateEnd},
		settings.windowSize, settings.keepSegments, settings.segmentDuration, settings.partDuration),
	_nextSequence(from.nextSequence),
	_discontinuitySequence(from.discontinuitySequence),
	_dates(from.published, from.programDateEnd)
{
}

void HlsChannel::Continuity::carryOnAfter(const Continuity& other)
{
	nextSequence = std::max(nextSequence, other.nextSequence);
	discontinuitySequence = std::max(discontinuitySequence, other.discontinuitySequence);
	published = published || other.published;
	programDateEnd = std::max(programDateEnd, other.programDateEnd);
	lowLatencySequence = std::max(lowLatencySequence, other.lowLatencySequence);
	lowLatencyDiscontinuitySequence = std::max(lowLatencyDiscontinuitySequence, other.lowLatencyDiscontinuitySequence);
	lowLatencyDateEnd = std::max(lowLatencyDateEnd, other.lowLatencyDateEnd);
}

Poco::Int64 HlsChannel::streamId() const
{
	return _streamId;
}

const std::string& HlsChannel::key() const
{
	return _key;
}

const std::string& HlsChannel::token() const
{
	return _token;
}

void HlsChannel::publish(Segment segment, bool last)
{
	std::vector<Segment> dropped; // freed after the lock is released
	ContinuityStore::Numbers reservation;
	bool reserve = false;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_ended || _closed) return;
		segment.sequence = _nextSequence;
		if (_carriesOn && _nextSequence == _firstSequence) segment.discontinuity = true;
		if (segment.discontinuity) ++_discontinuitySequence;
		segment.discontinuitySequence = _discontinuitySequence;
		segment.programDateTime = _dates.place(segment.programDateTime, segment.discontinuity);
		_dates.endAt(segment.programDateTime + segment.duration);
		segment.name = HlsPaths::segmentName(_token, segment.sequence);
		_targetDuration = std::max(_targetDuration, MediaPlaylist::targetDuration(segment.duration));
		_segments.push_back(std::move(segment));
		++_nextSequence;
		while (_segments.size() > _windowSize + _keepSegments)
		{
			dropped.push_back(std::move(_segments.front()));
			_segments.pop_front();
		}
		if (_nextSequence >= _reserved.sequence || _discontinuitySequence + 1 >= _reserved.discontinuity)
		{
			// the numbers a restart would start from stay ahead of every number in use
			_reserved.sequence = _nextSequence + ContinuityStore::SEQUENCE_BLOCK;
			_reserved.discontinuity = _discontinuitySequence + 1 + ContinuityStore::DISCONTINUITY_BLOCK;
			reservation = _reserved;
			reserve = true;
		}
		if (last)
		{
			_ended = true;
			_endedAt.update();
		}
		render();
	}
	if (reserve && _store) _store->reserve(_key, reservation);
	if (last) _lowLatency.end();
}

void HlsChannel::end()
{
	_lowLatency.end();
	std::lock_guard<std::mutex> lock(_mutex);
	if (_ended || _closed) return;
	_ended = true;
	_endedAt.update();
	if (!_segments.empty()) render();
}

void HlsChannel::close()
{
	std::deque<Segment> dropped;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_closed = true;
		_ended = true;
		dropped.swap(_segments);
		_rootPlaylist.reset();
		_folderPlaylist.reset();
	}
	_viewers.clear();
	_lowLatency.close();
	// the segments' memory is freed here, outside the lock (or later, by the last viewer still sending one)
}

bool HlsChannel::ended() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _ended;
}

bool HlsChannel::expired(const Poco::Timespan& grace) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _closed || (_ended && _endedAt.isElapsed(grace.totalMicroseconds()));
}

void HlsChannel::render()
{
	_rootPlaylist = std::make_shared<const std::string>(MediaPlaylist::render(_segments, _windowSize, _targetDuration,
		HlsPaths::segmentFolder(_streamId, HlsPaths::PlaylistLocation::Root), _ended));
	_folderPlaylist = std::make_shared<const std::string>(MediaPlaylist::render(_segments, _windowSize, _targetDuration,
		HlsPaths::segmentFolder(_streamId, HlsPaths::PlaylistLocation::ChannelFolder), _ended));
}

std::shared_ptr<const std::string> HlsChannel::playlist(HlsPaths::PlaylistLocation location) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return location == HlsPaths::PlaylistLocation::Root ? _rootPlaylist : _folderPlaylist;
}

std::shared_ptr<const std::string> HlsChannel::segment(Poco::UInt64 sequence) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_segments.empty() || sequence < _segments.front().sequence) return nullptr;
	const Poco::UInt64 index = sequence - _segments.front().sequence;
	if (index >= _segments.size()) return nullptr;
	return _segments[static_cast<std::size_t>(index)].data;
}

PartPlaylist& HlsChannel::lowLatency()
{
	return _lowLatency;
}

void HlsChannel::served(const std::string& address, const std::string& userAgent, std::size_t bytes)
{
	_bytesServed += bytes;
	_viewers.seen(address, userAgent);
}

bool HlsChannel::playable() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return !_ended && !_segments.empty();
}

int HlsChannel::viewers() const
{
	return _viewers.count();
}

Poco::UInt64 HlsChannel::bytesServed() const
{
	return _bytesServed;
}

HlsChannel::Continuity HlsChannel::continuity() const
{
	Continuity next;
	next.lowLatencySequence = _lowLatency.nextSequence();
	next.lowLatencyDiscontinuitySequence = _lowLatency.discontinuitySequence();
	next.lowLatencyDateEnd = _lowLatency.dateEnd();
	std::lock_guard<std::mutex> lock(_mutex);
	next.nextSequence = _nextSequence;
	next.discontinuitySequence = _discontinuitySequence;
	next.published = _carriesOn || _nextSequence > _firstSequence;
	next.programDateEnd = _dates.end();
	return next;
}

} // namespace outputhls
