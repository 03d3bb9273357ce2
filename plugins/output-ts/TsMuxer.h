//
// TsMuxer.h
//
// One channel's packets muxed into one continuous MPEG-TS, in memory.
//

#ifndef outputts_TsMuxer_INCLUDED
#define outputts_TsMuxer_INCLUDED

#include "TsRing.h"
#include "restream/ChannelFormat.h"
#include <functional>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/packet.h>
#include <libavformat/avformat.h>
}

namespace outputts {

class TsMuxer
	/// Muxes a channel's packets with FFmpeg's mpegts muxer into a custom
	/// AVIOContext that appends to memory, and hands the bytes to the
	/// listener as chunks of whole 188-byte TS packets: batches of at least
	/// 64 packets (each chunk wakes every viewer's connection), and always
	/// everything before a video keyframe and the keyframe itself.
	/// It knows nothing of HTTP or viewers.
	///
	/// Join points: before each video keyframe the muxer is told to send
	/// PAT and PMT again (mpegts_flags +resend_headers); the bytes of that
	/// packet are split at the PAT, and the chunk from the PAT on (PAT, PMT,
	/// the keyframe's PES) goes to the listener flagged as a join point.
	///
	/// One stream for the whole life: a begin() after the first keeps the
	/// muxer when the new tracks are compatible (same count, kinds and
	/// codecs; same codec extradata; for audio the same sample rate and
	/// channels: the muxer's ADTS writer and SPS insertion were set up from
	/// them), so continuity counters and timestamps simply go on. Otherwise
	/// the muxer is made again on the same PIDs with the next table version
	/// (tables_version) and the discontinuity indicator on every PID's first
	/// packet (+initial_discontinuity): still one valid TS for a demuxer
	/// reading it straight through. Timestamps are kept as given
	/// (mpegts_copyts): the pipeline keeps them rising across begin()s.
	///
	/// Threads: one call at a time (the channel's, as ChannelSink says).
	/// Errors: begin() and write() throw Poco::Exception (FFmpeg's message
	/// kept); the muxer is then unusable until the next begin().
{
public:
	using Listener = std::function<void(TsRing::Chunk chunk, bool joinPoint)>;
		/// Receives each chunk on the thread that called begin(), write() or
		/// finish(). What it throws leaves that call (finish() swallows it).

	explicit TsMuxer(Listener listener);
	~TsMuxer();
	TsMuxer(const TsMuxer&) = delete;
	TsMuxer& operator=(const TsMuxer&) = delete;

	void begin(const restream::ChannelFormat& format);
		/// Starts a run of format (copied): keeps the muxer when compatible,
		/// else flushes and frees it and prepares a new one. The first track
		/// must be video.

	void write(const AVPacket& packet);
		/// Muxes packet (borrowed; timestamps in its track's time base).
		/// Packets before a new muxer's first video keyframe are dropped.

	void finish();
		/// Flushes what the muxer holds back (buffered audio) to the
		/// listener and frees the muxer. Does not throw.

	int muxersMade() const;
		/// How many muxers this one has made (1 while begin()s stay compatible).

private:
	bool compatible(const restream::ChannelFormat& format) const;
	void openMuxer(const restream::ChannelFormat& format);
	void startMuxer(Poco::Int64 firstDts);
		/// Writes the header once the run's first keyframe is known.
	void flush();
		/// Flushes the muxer's buffered PES and hands the bytes over.
	void emit(bool keyframe, bool now);
		/// Hands the whole packets written so far to the listener: when now,
		/// or once they make a batch (64 TS packets).
	void freeMuxer();
	void keepParameters(const restream::ChannelFormat& format);
	void freeParameters();
	static void check(int result, const std::string& what);
	static int appendBytes(void* opaque, uint8_t* data, int size);

	const Listener _listener;
	AVFormatContext* _muxer = nullptr;
	AVPacket* _packet = nullptr;                 // the working copy of a borrowed packet
	std::vector<AVCodecParameters*> _parameters; // the tracks the muxer was made for
	std::vector<AVRational> _timeBases;          // the current run's
	bool _started = false;                       // the header is written
	int _muxersMade = 0;
	std::string _bytes;                          // written, not yet handed over
};

} // namespace outputts

#endif // outputts_TsMuxer_INCLUDED
