//
// HlsViewer.cpp
//
// Library: fakeprovider
//


#include "HlsViewer.h"
#include "Poco/Format.h"
#include <algorithm>
#include <cmath>


namespace fakeprovider {


const std::chrono::seconds HlsViewer::MIN_LIFETIME(4);


HlsViewer::HlsViewer(int channelId, const std::string& token):
	_channelId(channelId),
	_token(token),
	_pSegmenter(std::make_shared<HlsSegmenter>()),
	_lastRequest(Clock::now())
{
}


int HlsViewer::channelId() const
{
	return _channelId;
}


const std::string& HlsViewer::token() const
{
	return _token;
}


const std::shared_ptr<HlsSegmenter>& HlsViewer::segmenter() const
{
	return _pSegmenter;
}


void HlsViewer::touch()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_lastRequest = Clock::now();
}


bool HlsViewer::idle(Clock::time_point now) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return now - _lastRequest > std::max(MIN_LIFETIME, 2 * std::chrono::seconds(_targetDuration));
}


std::string HlsViewer::playlist(bool frozen)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (!frozen) _frozen.clear();
	const std::vector<HlsSegmenter::Segment> live = _frozen.empty() ? _pSegmenter->window() : std::vector<HlsSegmenter::Segment>();
	if (frozen && _frozen.empty()) _frozen = live;
	const std::vector<HlsSegmenter::Segment>& segments = _frozen.empty() ? live : _frozen;
	_targetDuration = targetDuration(segments);
	std::string text = Poco::format("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:%d\n#EXT-X-MEDIA-SEQUENCE:%Lu\n",
		_targetDuration, segments.empty() ? Poco::UInt64(0) : segments.front().sequence);
	for (const auto& segment: segments)
	{
		text += Poco::format("#EXTINF:%.3f,\n/hls/%s/%Lu.ts\n", segment.duration, _token, segment.sequence);
	}
	return text;
}


bool HlsViewer::segment(Poco::UInt64 sequence, HlsSegmenter::Segment& segment) const
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		for (const auto& frozen: _frozen)
		{
			if (frozen.sequence != sequence) continue;
			segment = frozen;
			return true;
		}
	}
	return _pSegmenter->find(sequence, segment);
}


int HlsViewer::targetDuration(const std::vector<HlsSegmenter::Segment>& segments)
	/// Every EXTINF rounded to the nearest integer is at most the target (RFC 8216 4.3.3.1).
{
	int target = 1;
	for (const auto& segment: segments) target = std::max(target, static_cast<int>(std::lround(segment.duration)));
	return target;
}


} // namespace fakeprovider
