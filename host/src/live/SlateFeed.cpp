//
// SlateFeed.cpp
//

#include "live/SlateFeed.h"

namespace restream::host {

SlateFeed::SlateFeed(std::shared_ptr<const SlateLoop> loop, long long base, const Poco::Timestamp& start):
	_loop(std::move(loop)),
	_base(base),
	_start(start)
{
}

bool SlateFeed::next(const Poco::Timestamp& now, AVPacket& packet)
{
	const long long due = (now - _start) * 9 / 100; // microseconds to 90 kHz
	const long long video = _loop->videoDts(_videoIndex);
	const bool audioFirst = _loop->shape().audio && _loop->audioDts(_audioIndex) < video;
	if ((audioFirst ? _loop->audioDts(_audioIndex) : video) > due) return false;
	if (audioFirst)
		_loop->audioPacket(_audioIndex++, packet);
	else
		_loop->videoPacket(_videoIndex++, packet);
	packet.dts += _base;
	packet.pts += _base;
	return true;
}

bool SlateFeed::playedWholeLoop() const
{
	return _videoIndex >= SlateLoop::framesPerSecond;
}

const SlateLoop& SlateFeed::loop() const
{
	return *_loop;
}

} // namespace restream::host
