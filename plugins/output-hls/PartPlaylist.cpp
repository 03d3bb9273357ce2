//
// PartPlaylist.cpp
//

#include "PartPlaylist.h"
#include "MediaPlaylist.h"
#include <Poco/DateTimeFormatter.h>
#include <algorithm>
#include <set>
#include <vector>

namespace outputhls {

const std::size_t PartPlaylist::PARTS_LISTED;
const std::size_t PartPlaylist::PARTS_SERVED;

PartPlaylist::PartPlaylist(Poco::Int64 streamId, const std::string& token, const Start& start, std::size_t windowSize,
	std::size_t keepSegments, Poco::Timespan segmentTarget, Poco::Timespan partTarget):
	_streamId(streamId),
	_token(token),
	_windowSize(std::max<std::size_t>(1, windowSize)),
	_keepSegments(keepSegments),
	_partTarget(partTarget.totalMicroseconds()),
	_carriesOn(start.carriesOn),
	_firstSequence(start.sequence),
	_nextSequence(start.sequence),
	_discontinuitySequence(start.discontinuitySequence),
	_dates(start.carriesOn, start.programDateEnd),
	_targetDuration(MediaPlaylist::targetDuration(segmentTarget.totalMicroseconds()))
{
}

void PartPlaylist::publish(Part part, bool last)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_ended) return;
	if (part.init != _currentInit)
	{
		if (_currentInit) ++_run;
		_currentInit = part.init;
		_inits[_run] = part.init;
	}
	if (part.segmentStart && !_open.parts.empty()) completeOpen();
	if (_open.parts.empty())
	{
		_open.sequence = _nextSequence;
		_open.discontinuity = part.discontinuity || (_carriesOn && _nextSequence == _firstSequence);
		if (_open.discontinuity) ++_discontinuitySequence;
		_open.discontinuitySequence = _discontinuitySequence;
		_open.run = _run;
		_open.programDateTime = _dates.place(part.programDateTime, _open.discontinuity);
	}
	_open.duration += part.duration;
	_dates.endAt(_open.programDateTime + _open.duration);
	_open.parts.push_back(std::move(part));
	if (last)
	{
		completeOpen();
		_ended = true;
	}
	// hls.js takes a playlist without a complete segment for an empty one (levelEmptyError, then a
	// retry a second later): the playlist exists from the first complete segment on
	if (!_segments.empty()) render();
}

void PartPlaylist::end()
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_ended) return;
	if (!_open.parts.empty()) completeOpen();
	_ended = true;
	if (!_segments.empty()) render();
}

void PartPlaylist::close()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_ended = true;
	_segments.clear();
	_open = PartSegment();
	_inits.clear();
	_currentInit.reset();
	_rootPlaylist.reset();
	_folderPlaylist.reset();
}

void PartPlaylist::completeOpen()
{
	std::size_t size = 0;
	for (const Part& part : _open.parts) size += part.data->size();
	auto bytes = std::make_shared<std::string>();
	bytes->reserve(size);
	for (const Part& part : _open.parts) *bytes += *part.data;
	_open.bytes = std::move(bytes);
	_targetDuration = std::max(_targetDuration, MediaPlaylist::targetDuration(_open.duration));
	_segments.push_back(std::move(_open));
	_open = PartSegment();
	++_nextSequence;
	while (_segments.size() > _windowSize + _keepSegments) _segments.pop_front();
	// a segment's parts are served while listed and one segment longer (a client may still ask for the
	// parts of the playlist it read last); then the segment's own bytes serve alone, not a second copy
	if (_segments.size() > PARTS_SERVED)
	{
		std::vector<Part>& stale = _segments[_segments.size() - PARTS_SERVED - 1].parts;
		stale.clear();
		stale.shrink_to_fit();
	}
	// an init segment is kept while a kept segment, or the run going on, refers to it
	std::set<Poco::UInt64> referred = {_run};
	for (const PartSegment& segment : _segments) referred.insert(segment.run);
	for (auto it = _inits.begin(); it != _inits.end();) it = referred.count(it->first) ? std::next(it) : _inits.erase(it);
}

void PartPlaylist::render()
{
	_rootPlaylist = std::make_shared<const std::string>(
		renderText(HlsPaths::segmentFolder(_streamId, HlsPaths::PlaylistLocation::Root)));
	_folderPlaylist = std::make_shared<const std::string>(
		renderText(HlsPaths::segmentFolder(_streamId, HlsPaths::PlaylistLocation::ChannelFolder)));
}

std::string PartPlaylist::renderText(const std::string& folder) const
{
	// the window: the last windowSize complete segments, then the open one
	const std::size_t count = std::min(_windowSize, _segments.size());
	std::vector<const PartSegment*> listed;
	for (auto it = _segments.end() - static_cast<std::ptrdiff_t>(count); it != _segments.end(); ++it) listed.push_back(&*it);
	if (!_open.parts.empty()) listed.push_back(&_open);
	const PartSegment& first = *listed.front();

	std::string text;
	text.reserve(512 + 200 * listed.size() + 120 * PARTS_LISTED * 8);
	text += "#EXTM3U\n";
	text += "#EXT-X-VERSION:9\n";
	text += "#EXT-X-TARGETDURATION:" + std::to_string(_targetDuration) + "\n";
	text += "#EXT-X-PART-INF:PART-TARGET=" + MediaPlaylist::seconds(_partTarget) + "\n";
	text += "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=" + MediaPlaylist::seconds(3 * _partTarget) + "\n";
	text += "#EXT-X-MEDIA-SEQUENCE:" + std::to_string(first.sequence) + "\n";
	if (listed.back()->discontinuitySequence > 0)
	{
		const Poco::UInt64 before = first.discontinuitySequence - (first.discontinuity ? 1 : 0);
		text += "#EXT-X-DISCONTINUITY-SEQUENCE:" + std::to_string(before) + "\n";
	}
	const std::size_t partsFrom = listed.size() > PARTS_LISTED + 1 ? listed.size() - PARTS_LISTED - 1 : 0;
	for (std::size_t i = 0; i < listed.size(); ++i)
	{
		const PartSegment& segment = *listed[i];
		if (segment.discontinuity) text += "#EXT-X-DISCONTINUITY\n";
		if (i == 0 || segment.run != listed[i - 1]->run)
			text += "#EXT-X-MAP:URI=\"" + folder + HlsPaths::initName(_token, segment.run) + "\"\n";
		text += "#EXT-X-PROGRAM-DATE-TIME:" +
			Poco::DateTimeFormatter::format(segment.programDateTime, "%Y-%m-%dT%H:%M:%S.%iZ") + "\n";
		if (i >= partsFrom) text += partLines(segment, folder);
		if (!segment.bytes) continue;  // the open segment: parts only
		text += "#EXTINF:" + MediaPlaylist::seconds(segment.duration) + ",\n";
		text += folder + HlsPaths::cmafSegmentName(_token, segment.sequence) + "\n";
	}
	if (_ended)
	{
		text += "#EXT-X-ENDLIST\n";
		return text;
	}
	const Poco::UInt64 next = _open.parts.empty() ? _nextSequence : _open.sequence;
	text += "#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"" + folder + HlsPaths::partName(_token, next, _open.parts.size()) + "\"\n";
	return text;
}

std::string PartPlaylist::partLines(const PartSegment& segment, const std::string& folder) const
{
	std::string lines;
	for (std::size_t index = 0; index < segment.parts.size(); ++index)
	{
		const Part& part = segment.parts[index];
		lines += "#EXT-X-PART:DURATION=" + MediaPlaylist::seconds(part.duration) + ",URI=\"" + folder +
			HlsPaths::partName(_token, segment.sequence, index) + "\"" + (part.independent ? ",INDEPENDENT=YES" : "") + "\n";
	}
	return lines;
}

std::shared_ptr<const std::string> PartPlaylist::playlist(HlsPaths::PlaylistLocation location) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return location == HlsPaths::PlaylistLocation::Root ? _rootPlaylist : _folderPlaylist;
}

std::shared_ptr<const std::string> PartPlaylist::media(const HlsPaths::Media& name) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (name.kind == HlsPaths::MediaKind::InitSegment)
	{
		const auto init = _inits.find(name.number);
		return init == _inits.end() ? nullptr : init->second;
	}
	const PartSegment* segment = nullptr;
	if (!_open.parts.empty() && name.number == _open.sequence) segment = &_open;
	else if (!_segments.empty() && name.number >= _segments.front().sequence && name.number - _segments.front().sequence < _segments.size())
		segment = &_segments[static_cast<std::size_t>(name.number - _segments.front().sequence)];
	if (!segment) return nullptr;
	if (name.kind == HlsPaths::MediaKind::CmafSegment) return segment->bytes;
	if (name.kind == HlsPaths::MediaKind::Part && name.part < segment->parts.size()) return segment->parts[name.part].data;
	return nullptr;
}

PartPlaylist::Reload PartPlaylist::reload(Poco::UInt64 sequence, bool hasPart, std::size_t part) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_ended) return sequence < _nextSequence ? Reload::Ready : Reload::Ended;
	const bool open = !_open.parts.empty();
	if (!open && _segments.empty()) return Reload::Wait;
	const Poco::UInt64 last = open ? _open.sequence : _segments.back().sequence;
	if (sequence > last + 2) return Reload::TooFar;
	if (sequence < _nextSequence) return Reload::Ready;
	if (hasPart && open && sequence == _open.sequence && part < _open.parts.size()) return Reload::Ready;
	return Reload::Wait;
}

Poco::Timestamp PartPlaylist::dateEnd() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _dates.end();
}

Poco::UInt64 PartPlaylist::nextSequence() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _open.parts.empty() ? _nextSequence : _open.sequence + 1;
}

Poco::UInt64 PartPlaylist::discontinuitySequence() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _discontinuitySequence;
}

Poco::Timespan PartPlaylist::targetDuration() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return Poco::Timespan(_targetDuration, 0);
}

} // namespace outputhls
