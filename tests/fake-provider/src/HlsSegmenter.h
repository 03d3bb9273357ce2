//
// HlsSegmenter.h
//
// Library: fakeprovider
//
// Cuts a channel's MPEG-TS into HLS segments.
//


#ifndef FakeProvider_HlsSegmenter_INCLUDED
#define FakeProvider_HlsSegmenter_INCLUDED


#include "ChunkSink.h"
#include "Poco/Types.h"
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <vector>


namespace fakeprovider {


class HlsSegmenter: public ChunkSink
	/// Subscribed to a LiveChannel, cuts its MPEG-TS into segments at the video keyframes: one
	/// segment per GOP, starting with the PAT and PMT the muxer writes just before a keyframe.
	/// A segment's duration is the PTS distance between its keyframe and the next one. Keeps the
	/// newest KEPT segments: WINDOW of them make the playlist, the older ones stay fetchable for a
	/// while (RFC 8216 6.2.2). What comes before the first keyframe is dropped.
	/// Fed on the encoder thread, read by request threads: thread-safe.
{
public:
	static constexpr std::size_t WINDOW = 5;
	static constexpr std::size_t KEPT = 2 * WINDOW + 1;

	struct Segment
	{
		Poco::UInt64 sequence = 0;
		double duration = 0; /// seconds
		std::shared_ptr<const std::string> pData;
	};

	void push(const Chunk& chunk) override;
	void close() override;

	std::vector<Segment> window() const;
		/// The newest WINDOW complete segments, oldest first (fewer at the start).

	bool find(Poco::UInt64 sequence, Segment& segment) const;
		/// Sets segment and returns true if that segment is still kept.

	bool waitForSegment(std::chrono::milliseconds timeout);
		/// Waits until a segment is complete or the segmenter is closed; true if one is there.

private:
	void cut(Poco::Int64 pts, bool hasPts);

	mutable std::mutex _mutex;
	std::condition_variable _segmentReady;
	std::deque<Segment> _segments;
	Poco::UInt64 _nextSequence = 0;
	std::string _current;           /// the segment being cut (before the first keyframe: the tables only)
	std::size_t _tablesStart = 0;   /// where the tables just before the end of _current start
	bool _started = false;          /// a keyframe was seen
	Poco::Int64 _currentPts = -1;   /// PTS of _current's keyframe, -1 if unknown
	bool _closed = false;
};


} // namespace fakeprovider


#endif // FakeProvider_HlsSegmenter_INCLUDED
