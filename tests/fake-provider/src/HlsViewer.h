//
// HlsViewer.h
//
// Library: fakeprovider
//
// One HLS viewer of a channel.
//


#ifndef FakeProvider_HlsViewer_INCLUDED
#define FakeProvider_HlsViewer_INCLUDED


#include "HlsSegmenter.h"
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>


namespace fakeprovider {


class HlsViewer
	/// What a panel knows of someone polling a channel's playlist: a segmenter subscribed to the
	/// channel's encoder, the opaque token of its segment URLs and when it was last heard of.
	/// It holds a connection slot while it lives (see HlsViewers). Thread-safe.
{
public:
	using Clock = std::chrono::steady_clock;

	static const std::chrono::seconds MIN_LIFETIME;
		/// A viewer lives at least this long after its last request.

	HlsViewer(int channelId, const std::string& token);

	int channelId() const;
	const std::string& token() const;
	const std::shared_ptr<HlsSegmenter>& segmenter() const;

	void touch();
		/// Records a request.

	bool idle(Clock::time_point now) const;
		/// No request for two target durations (and MIN_LIFETIME): the viewer is gone.

	std::string playlist(bool frozen);
		/// The media playlist of the segmenter's window; its segments are /hls/TOKEN/N.ts. frozen:
		/// the playlist stops where it is (the window of the first frozen call, served again and
		/// again, its segments kept); not frozen: live again.

	bool segment(Poco::UInt64 sequence, HlsSegmenter::Segment& segment) const;
		/// Sets segment and returns true if it is in the frozen playlist or still kept.

private:
	static int targetDuration(const std::vector<HlsSegmenter::Segment>& segments);

	const int _channelId;
	const std::string _token;
	const std::shared_ptr<HlsSegmenter> _pSegmenter;
	mutable std::mutex _mutex;
	Clock::time_point _lastRequest;
	int _targetDuration = 2;
	std::vector<HlsSegmenter::Segment> _frozen; /// empty unless frozen
};


} // namespace fakeprovider


#endif // FakeProvider_HlsViewer_INCLUDED
