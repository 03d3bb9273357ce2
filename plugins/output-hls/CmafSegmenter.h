//
// CmafSegmenter.h
//
// Cuts a channel's packets into fMP4 (CMAF) parts in memory.
//

#ifndef outputhls_CmafSegmenter_INCLUDED
#define outputhls_CmafSegmenter_INCLUDED

#include "MediaClock.h"
#include "MemoryMuxer.h"
#include "Part.h"
#include "restream/ChannelFormat.h"
#include <Poco/Timespan.h>
#include <functional>
#include <memory>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/bsf.h>
#include <libavcodec/packet.h>
#include <libavformat/avformat.h>
}

namespace outputhls {

class CmafSegmenter
	/// Muxes a channel's packets with FFmpeg's mp4 muxer in fragmented mode
	/// (movflags frag_custom, empty_moov, delay_moov, default_base_moof) into
	/// memory (MemoryMuxer), and hands each fragment
	/// to the listener as a Part for LL-HLS. It knows nothing of HTTP or
	/// playlists.
	///
	/// Runs: one muxer per begin(). The muxer writes ftyp + moov at the
	/// run's first cut (delay_moov: by then the AAC track has its
	/// AudioSpecificConfig from the first audio packets, which MPEG-TS input
	/// rarely has in its codec parameters); those bytes, up to the first
	/// moof, are the run's init segment, shared by all its parts. AAC goes through the aac_adtstoasc bitstream filter, which
	/// MPEG-TS's ADTS framing needs in MP4 (the mp4 muxer of FFmpeg 5.1 does
	/// not insert it by itself). A video size the probe missed (a channel
	/// joined mid-GOP) is read from the run's first keyframe (PictureSize):
	/// the mp4 muxer needs it. A begin() after the first flags the next
	/// part as a discontinuity.
	///
	/// Cutting, on the video decode times (fragments are in decode order):
	/// a video keyframe always starts a new part, which is then independent;
	/// it also starts a new segment where SegmentCut says, the rule of the
	/// TS Segmenter, so both renditions cut at the same keyframes. Within a GOP a part is
	/// cut before the frame that would make it longer than the part target,
	/// so every part lasts at most the part target (one frame longer than it
	/// only if a single frame is). Packets before the run's first video
	/// keyframe are dropped.
	///
	/// Threads: one call at a time (the channel's, as ChannelSink says).
	/// Errors: begin(), write() and finish() throw Poco::Exception (FFmpeg's
	/// message kept); the segmenter is then unusable until the next begin().
{
public:
	using Listener = std::function<void(Part&& part)>;
		/// Receives each complete part, on the thread that called write(),
		/// begin() or finish(). It may throw; the exception leaves that call.

	CmafSegmenter(Poco::Timespan segmentTarget, Poco::Timespan partTarget, Listener listener);
	~CmafSegmenter();
	CmafSegmenter(const CmafSegmenter&) = delete;
	CmafSegmenter& operator=(const CmafSegmenter&) = delete;

	void begin(const restream::ChannelFormat& format);
		/// Ends the current run (its open part, if any, is complete and goes
		/// to the listener) and starts a new one with format, whose codec
		/// parameters are copied. The first track must be video.

	void write(const AVPacket& packet);
		/// Muxes packet (borrowed; its timestamps in its track's time base).

	void finish();
		/// Ends the run: its open part, if any, goes to the listener, then the
		/// muxer is freed, even when that throws.

	void close();
		/// Discards the open part and the muxer. Idempotent; does not throw.

private:
	void openMuxer(const restream::ChannelFormat& format);
		/// The bitstream filters, then the muxer.
	void startRun();
		/// Writes the muxer's header once the run's first keyframe is known.
	void startPart(Poco::Int64 dts, bool independent, bool segmentStart);
	void cut(Poco::Int64 end);
		/// Flushes the open part's fragment, which ends at end (video time
		/// base), and hands it to the listener (unless it has no duration).
	void mux(AVPacket* packet);
		/// Writes packet (its timestamps in its track's time base) through
		/// its track's bitstream filter, if any; unreferences it.
	void freeMuxer();
	static void rescale(AVPacket& packet, AVRational from, AVRational to);
		/// Rescales the timestamps, and the duration as the difference of the
		/// rescaled end and start, so that a track's next packet starts
		/// exactly where the muxer expects it (the mp4 muxer's audio time
		/// base is the sample rate: rounding each duration apart drifts).
	Poco::Int64 microseconds(Poco::Int64 videoTime) const;
	static std::size_t firstFragment(const std::string& bytes);
		/// The offset of the first top-level moof box in bytes, or its size.

	const Poco::Int64 _segmentTarget;  // microseconds
	const Poco::Int64 _partTarget;     // microseconds
	const Listener _listener;
	std::unique_ptr<MemoryMuxer> _muxer;
	AVPacket* _packet = nullptr;       // the working copy of a borrowed packet
	std::vector<AVRational> _timeBases;
	std::vector<AVBSFContext*> _filters;  // per track, null but for AAC
	bool _headerWritten = false;
	bool _emitted = false;             // a part went to the listener
	bool _discontinuity = false;       // flag for the next part
	bool _partOpen = false;
	bool _independent = false;         // of the open part
	bool _segmentStart = false;        // of the open part
	bool _firstOfRun = false;          // the open segment is its run's first
	Poco::Int64 _partStart = 0;        // decode time of its first frame, video time base
	Poco::Int64 _segmentStartDts = 0;  // decode time of the open segment's keyframe
	Poco::Int64 _videoEnd = 0;         // end of the last video frame, decode time
	Poco::Int64 _presentationDelay = 0; // pts - dts of the run's first keyframe: dates parts on the presentation clock
	MediaClock _clock;
	std::shared_ptr<const std::string> _init;  // of the run, once written
};

} // namespace outputhls

#endif // outputhls_CmafSegmenter_INCLUDED
