//
// UrlInput.h
//

#ifndef restream_host_UrlInput_INCLUDED
#define restream_host_UrlInput_INCLUDED

#include "live/AudioTranscoder.h"
#include "live/LiveInput.h"
#include "live/UrlInputOptions.h"
#include "restream/Source.h"
#include <Poco/Timespan.h>
#include <atomic>
#include <deque>
#include <memory>

extern "C" {
#include <libavformat/avformat.h>
}

namespace restream::host {

class UrlInput : public LiveInput
	/// A channel's upstream opened in process with libavformat, hardened:
	/// protocols limited to http, https, tcp, tls and crypto; the demuxer
	/// fixed by the source, never a script demuxer like concat (hls forced;
	/// MPEG-TS probed on its first 64 KB with mpegts the only demuxer allowed,
	/// so bytes that are not MPEG-TS fail at once); rw_timeout; at most
	/// maxRedirects redirects; a bounded probe; an interrupt callback so stop
	/// acts at once.
	///
	/// Keeps one video track and the best audio track and discards the rest
	/// (teletext, subtitles, SCTE-35, other languages); audio that is not AAC
	/// is transcoded to AAC; timestamps that wrap (33-bit MPEG-TS) are
	/// unwrapped. Exactly one connection to the provider while it lives.
	/// A provider that keeps sending bytes from which no packet comes (not
	/// MPEG-TS at all) is cut off after twice the read timeout, as a stall is.
	///
	/// Memory a provider controls is bounded: the session ends with
	/// ChannelErrors::TOO_LARGE (AVERROR(E2BIG)) as soon as more than
	/// maxPictureBytes arrive without a complete video frame (a giant picture,
	/// a PES that never ends: FFmpeg's parser would buffer it whole), or more
	/// than maxBitRate's worth of bytes within one window of 3 s (the first
	/// window also allows 5 s more: providers send a burst on connecting). Bytes are
	/// counted as the demuxer reads them (MPEG-TS) or as it delivers packets
	/// (HLS, whose segments nested contexts read), checked after each packet
	/// and in the interrupt callback, so a frame that never completes is cut
	/// while it grows.
	///
	/// Errors: the constructor throws UpstreamException (code: AVERROR) with a
	/// message that carries no URL.
{
public:
	UrlInput(const SourceInput& input, const UrlInputOptions& options, const std::atomic<bool>& stopRequested);
		/// Opens input. stopRequested, which must outlive the input, aborts the
		/// open and every read as soon as it is set.
	~UrlInput() override;

	const ChannelFormat& format() const override;
	int read(AVPacket& packet) override;
	void interrupt() override;
	std::string describe(int error) const override;
		/// As sentence(), and a timeout says how long the provider was silent.

	std::string errorCode(int error) const override;

	static std::string sentence(int error);
		/// An FFmpeg error from an upstream as a sentence for a human.

	static std::string code(int error);
		/// An FFmpeg error from an upstream as a ChannelErrors code.

private:
	static int interruptCallback(void* opaque);
	bool withinBounds();
		/// Checks the byte bounds; false (and _tooLarge set, its reason
		/// kept) when one is passed. On the reading thread only.
	long long receivedBytes() const;
	void selectTracks();
	void unwrap(AVPacket& packet, const AVStream& stream);

	AVFormatContext* _context = nullptr;
	std::atomic<bool> _interrupted{false};
	std::atomic<long long> _progressDeadline{0};  /// Poco::Timestamp epoch µs: no playable packet by then aborts the I/O
	std::atomic<bool> _noProgress{false};         /// the deadline struck
	long long _progressAllowance = 0;             /// µs granted after each packet
	Poco::Timespan _readTimeout;
	const std::atomic<bool>& _stopRequested;
	int _videoIndex = -1;
	int _audioIndex = -1;
	int _audioBitRate = 128000;
	int _maxBitRate = 0;
	long long _maxPictureBytes = 0;
	long long _deliveredBytes = 0;                /// packet bytes handed out by the demuxer
	long long _bytesAtPicture = 0;                /// receivedBytes() at the last video packet
	long long _windowStart = 0;                   /// Poco::Timestamp epoch µs the bit-rate window began
	long long _bytesAtWindowStart = 0;
	bool _firstWindow = true;                     /// it also allows the burst a provider sends on connecting
	std::atomic<bool> _tooLarge{false};
	std::string _tooLargeReason;                  /// set before _tooLarge, on the reading thread
	std::unique_ptr<AudioTranscoder> _transcoder;
	bool _joined = false;                         /// its first video keyframe was read (FfmpegLog::Joining until then)
	std::deque<AVPacket*> _pending;
	ChannelFormat _format;
	std::vector<long long> _lastDts;
	std::vector<long long> _wrapOffset;
};

} // namespace restream::host

#endif // restream_host_UrlInput_INCLUDED
