//
// HlsSegmenter.cpp
//
// Library: fakeprovider
//


#include "HlsSegmenter.h"
#include "EncoderSession.h"
#include "TsPacket.h"


namespace fakeprovider {


namespace {


const int FIRST_PMT_PID = 0x1000; // the mpegts muxer's
const Poco::Int64 PTS_MASK = (Poco::Int64(1) << 33) - 1;
const double PTS_CLOCK = 90000.0;


bool isTable(int pid)
	/// PAT, SDT, PMT: the PIDs that are neither video nor audio.
{
	return pid < EncoderSession::VIDEO_PID || pid >= FIRST_PMT_PID;
}


} // namespace


void HlsSegmenter::push(const Chunk& chunk)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_closed) return;
	for (std::size_t offset = 0; offset + TsPacket::SIZE <= chunk->size(); offset += TsPacket::SIZE)
	{
		const char* pData = chunk->data() + offset;
		const TsPacket packet(pData);
		if (packet.pid() == EncoderSession::VIDEO_PID && packet.payloadStart() && packet.randomAccess())
		{
			Poco::Int64 pts = 0;
			const bool hasPts = packet.pesPts(pts);
			cut(pts, hasPts);
		}
		if (!_started && !isTable(packet.pid()))
		{
			_current.clear();
			_tablesStart = 0;
			continue;
		}
		_current.append(pData, TsPacket::SIZE);
		if (!isTable(packet.pid())) _tablesStart = _current.size();
	}
}


void HlsSegmenter::close()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_closed = true;
	_current.clear();
	_segmentReady.notify_all();
}


std::vector<HlsSegmenter::Segment> HlsSegmenter::window() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	const std::size_t first = _segments.size() > WINDOW ? _segments.size() - WINDOW : 0;
	return std::vector<Segment>(_segments.begin() + static_cast<std::ptrdiff_t>(first), _segments.end());
}


bool HlsSegmenter::find(Poco::UInt64 sequence, Segment& segment) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_segments.empty() || sequence < _segments.front().sequence || sequence > _segments.back().sequence) return false;
	segment = _segments[static_cast<std::size_t>(sequence - _segments.front().sequence)];
	return true;
}


bool HlsSegmenter::waitForSegment(std::chrono::milliseconds timeout)
{
	std::unique_lock<std::mutex> lock(_mutex);
	_segmentReady.wait_for(lock, timeout, [this] { return _closed || !_segments.empty(); });
	return !_closed && !_segments.empty();
}


void HlsSegmenter::cut(Poco::Int64 pts, bool hasPts)
	/// A keyframe starts: the segment in progress ends where the tables before it start.
{
	std::string next = _current.substr(_tablesStart);
	if (_started)
	{
		_current.resize(_tablesStart);
		Segment segment;
		segment.sequence = _nextSequence++;
		segment.duration = hasPts && _currentPts >= 0 ? static_cast<double>((pts - _currentPts) & PTS_MASK) / PTS_CLOCK : 0;
		segment.pData = std::make_shared<const std::string>(std::move(_current));
		_segments.push_back(std::move(segment));
		if (_segments.size() > KEPT) _segments.pop_front();
		_segmentReady.notify_all();
	}
	_started = true;
	_current = std::move(next);
	_tablesStart = 0;
	_currentPts = hasPts ? pts : -1;
}


} // namespace fakeprovider
