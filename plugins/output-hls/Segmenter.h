//
// Segmenter.h
//
// Cuts a channel's packets into MPEG-TS segments in memory.
//

#ifndef outputhls_Segmenter_INCLUDED
#define outputhls_Segmenter_INCLUDED

#include "MediaClock.h"
#include "MemoryMuxer.h"
#include "Segment.h"
#include "restream/ChannelFormat.h"
#include <Poco/Timespan.h>
#include <functional>
#include <memory>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/packet.h>
#include <libavformat/avformat.h>
}

namespace outputhls {

class Segmenter
	/// Muxes a channel's packets with FFmpeg's mpegts muxer into memory
	/// (MemoryMuxer), and cuts the bytes into segments. It knows nothing of HTTP or playlists:
	/// each complete segment goes to the listener.
	///
	/// Cutting: by SegmentCut, at a video keyframe once the open segment
	/// has reached the target duration (half of it for a run's first
	/// segment). A segment therefore always
	/// starts with a keyframe and lasts a whole number of GOPs when the GOP
	/// is longer than the target. Its duration is the difference of the
	/// presentation times of its first keyframe and the next one's, or, for
	/// the last segment of a run, the end of its last video frame.
	///
	/// One muxer per begin() run, cut by flushing: at a cut the muxer's
	/// buffered audio PES is flushed (av_write_frame(nullptr)) and the AVIO
	/// buffer emptied, so a segment ends on a TS packet boundary, then
	/// mpegts_flags=+resend_headers makes the next segment start with PAT
	/// and PMT (as hlsenc does). Continuity counters and PCR run on across
	/// the segments of a run, as a player reading them in sequence expects;
	/// a fresh muxer per segment would restart the counters at every
	/// segment, which demuxers take for lost packets (FFmpeg's flags the
	/// PES corrupt). A begin() after the first starts a new muxer (the
	/// tracks may have changed) with mpegts_flags=+initial_discontinuity,
	/// and its first segment is flagged.
	///
	/// Each segment is dated (Segment::programDateTime) by the run's
	/// MediaClock: the wall time of its first keyframe's presentation.
	///
	/// Timestamps are kept as given (mpegts_copyts=1, avoid_negative_ts
	/// disabled); max_delay, the PCR's lead over the DTS, is 100 ms or less
	/// when the run starts earlier, so that the PCR is never negative.
	///
	/// Threads: one call at a time (the channel's, as ChannelSink says).
	/// Errors: begin() and write() throw Poco::Exception (FFmpeg's message
	/// kept); the segmenter is then unusable until the next begin().
{
public:
	using Listener = std::function<void(Segment&& segment)>;
		/// Receives each complete segment, on the thread that called write()
		/// or begin(). It may throw; the exception leaves that call.

	Segmenter(Poco::Timespan targetDuration, Listener listener);
	~Segmenter();
	Segmenter(const Segmenter&) = delete;
	Segmenter& operator=(const Segmenter&) = delete;

	void begin(const restream::ChannelFormat& format);
		/// Ends the current run (its open segment, if any, is complete and
		/// goes to the listener) and starts a new one with format, whose codec
		/// parameters are copied. The first track must be video.

	void write(const AVPacket& packet);
		/// Muxes packet (borrowed; its timestamps in its track's time base).
		/// Packets before the run's first video keyframe are dropped.

	void finish();
		/// Ends the run: its open segment, if any, is complete and goes to
		/// the listener, then the muxer is freed. Throws like write(); the
		/// muxer is freed even then.

	void close();
		/// Discards the open segment and the muxer. Idempotent; does not throw.

private:
	void startRun(Poco::Int64 firstDts);
		/// Writes the muxer's header once the run's first keyframe is known.
	void cut(Poco::Int64 end);
		/// Finishes the open segment, which ends at end (video time base),
		/// and hands it to the listener (unless it has no duration).
	void startSegment(Poco::Int64 presentation);
	void freeMuxer();

	const Poco::Int64 _target;    // microseconds
	const Listener _listener;
	std::unique_ptr<MemoryMuxer> _muxer;
	AVPacket* _packet = nullptr;  // the working copy of a borrowed packet
	std::vector<AVRational> _timeBases;
	bool _headerWritten = false;
	bool _emitted = false;        // a segment went to the listener
	bool _discontinuity = false;  // flag for the next segment
	bool _firstOfRun = false;     // the open segment is its run's first
	bool _segmentOpen = false;
	Poco::Int64 _segmentStart = 0;  // presentation time of its keyframe, video time base
	Poco::Int64 _segmentEnd = 0;    // end of its last video frame, video time base
	MediaClock _clock;            // the run's presentation times on the wall clock
};

} // namespace outputhls

#endif // outputhls_Segmenter_INCLUDED
