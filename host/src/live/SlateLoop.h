//
// SlateLoop.h
//

#ifndef restream_host_SlateLoop_INCLUDED
#define restream_host_SlateLoop_INCLUDED

#include "live/SlateShape.h"
#include "restream/ChannelFormat.h"
#include <memory>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/packet.h>
}

namespace restream::host {

class SlateLoop
	/// A still picture with silence, encoded once in the shape of a channel
	/// (H.264 of its size and profile, AAC of its rate and channels), that
	/// plays for as long as needed: one second of video (an IDR picture
	/// with its SPS and PPS, then P pictures that repeat it) played again
	/// and again, and one silent AAC frame repeated. Timestamps are 90 kHz
	/// and count from 0 at the first packet of the first loop.
	///
	/// The picture: an image of the admin's (a PNG or JPEG file, scaled to
	/// fit and centred), or else two centred lines (for a channel: its name,
	/// and what is happening) on a dark background, drawn with FFmpeg's
	/// drawtext through fontconfig; without a usable font the background
	/// alone. What stood in the way is told by problem().
	///
	/// Threads: immutable once made; any thread.
	/// Errors: encode() throws Poco::Exception with FFmpeg's message (no
	/// libx264 or aac encoder, out of memory).
{
public:
	static std::shared_ptr<const SlateLoop> encode(const SlateShape& shape, const std::string& title, const std::string& message,
		const std::string& imagePath = "");
		/// Draws and encodes the loop (25 pictures): 0.1 to 0.25 s of CPU on
		/// a small machine. imagePath (an admin's file: PNG or JPEG, at most
		/// 16 MiB, read through FFmpeg's file protocol only) replaces the
		/// lines when not empty and readable.

	~SlateLoop();
	SlateLoop(const SlateLoop&) = delete;
	SlateLoop& operator=(const SlateLoop&) = delete;

	const SlateShape& shape() const;
	const ChannelFormat& format() const;
		/// Track 0 video, track 1 audio when the shape has audio.
	const std::string& problem() const;
		/// Empty when the picture is as asked; else why not, for the log (the
		/// image could not be read: the lines instead; no font: no lines).

	long long videoDts(long long index) const;
		/// Of the index-th video packet played since the start (index >= 0).
	long long audioDts(long long index) const;
		/// Of the index-th audio packet; only with audio.
	void videoPacket(long long index, AVPacket& packet) const;
	void audioPacket(long long index, AVPacket& packet) const;
		/// Fills packet (a new reference to the loop's data; the caller
		/// unreferences it) with its timestamps, duration, track and flags.

	static const int framesPerSecond = 25;

private:
	SlateLoop() = default;

	SlateShape _shape;
	ChannelFormat _format;
	std::string _problem;
	AVCodecParameters* _video = nullptr;
	AVCodecParameters* _audio = nullptr;
	std::vector<AVPacket*> _pictures;   /// one loop
	AVPacket* _silence = nullptr;       /// one frame of silence
	int _samplesPerFrame = 1024;
};

} // namespace restream::host

#endif // restream_host_SlateLoop_INCLUDED
