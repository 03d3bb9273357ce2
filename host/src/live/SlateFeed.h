//
// SlateFeed.h
//

#ifndef restream_host_SlateFeed_INCLUDED
#define restream_host_SlateFeed_INCLUDED

#include "live/SlateLoop.h"
#include <Poco/Timestamp.h>
#include <memory>

extern "C" {
#include <libavcodec/packet.h>
}

namespace restream::host {

class SlateFeed
	/// Plays a SlateLoop in real time from a point of a channel's timeline:
	/// next() hands out, in dts order across the tracks, each packet whose
	/// time has come since the feed started, its timestamps moved to the
	/// channel's timeline (base + the loop's own).
	///
	/// Threads: one at a time.
{
public:
	SlateFeed(std::shared_ptr<const SlateLoop> loop, long long base, const Poco::Timestamp& start);

	bool next(const Poco::Timestamp& now, AVPacket& packet);
		/// Fills packet (the caller unreferences it) with the next packet
		/// due by now; false when none is due yet.

	bool playedWholeLoop() const;
		/// True once next() has handed out the loop's last picture: the
		/// shortest run a slate may have (see ChannelPipeline::deliver()).

	const SlateLoop& loop() const;

private:
	std::shared_ptr<const SlateLoop> _loop;
	long long _base;
	Poco::Timestamp _start;
	long long _videoIndex = 0;
	long long _audioIndex = 0;
};

} // namespace restream::host

#endif // restream_host_SlateFeed_INCLUDED
