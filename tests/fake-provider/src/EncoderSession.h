//
// EncoderSession.h
//
// Library: fakeprovider
//
// One run of a channel's encoder: libavfilter sources, libavcodec encoders, mpegts muxer.
//


#ifndef FakeProvider_EncoderSession_INCLUDED
#define FakeProvider_EncoderSession_INCLUDED


#include "EncodingProfile.h"
#include "Poco/Types.h"
#include <cstdint>
#include <functional>
#include <string>
#include <vector>


struct AVCodecContext;
struct AVFilterContext;
struct AVFilterGraph;
struct AVFormatContext;
struct AVFrame;
struct AVIOContext;
struct AVPacket;
struct AVStream;


namespace fakeprovider {


class EncoderSession
	/// Produces an endless MPEG-TS of test patterns and tones, frame by frame, on demand.
	/// Video: testsrc2 -> yuv420p -> the wall clock stamped in (FrameClock) -> libx264 (ultrafast,
	/// zerolatency, 25 fps, an IDR frame every Settings::gopFrames frames and no other, SPS/PPS
	/// repeated in band), on PID VIDEO_PID. Audio: sine -> each track's encoder, on the next PIDs.
	/// Packets are muxed as they come out of the encoders, without libavformat's interleaving
	/// queue (which held each video frame ~50 ms for the next audio packet): the mpegts muxer
	/// writes into a custom AVIOContext that hands whole 188-byte TS packets to the sink, flushed
	/// after every packet.
	///
	/// Pacing is the caller's business: nextDue() says when, in media time, the next frame is due.
	/// Not thread-safe: one thread creates, drives and destroys a session.
{
public:
	static constexpr int FRAME_RATE = 25;
	static constexpr int VIDEO_PID = 0x100;

	struct Settings
		/// What may change from one frame to the next.
	{
		int gopFrames = 50;          /// frames from one keyframe to the next
		Poco::Int64 videoBitRate = 0; /// > 0: video frames are padded with H.264 filler data up to this many bit/s
	};

	using Sink = std::function<void(const std::uint8_t* data, int size)>;
		/// Receives muxed MPEG-TS; called from produce() (and the constructor), on the calling thread.
		/// Must not throw.

	EncoderSession(const EncodingProfile& profile, const std::string& serviceName, Sink sink);
		/// Builds the filter graph, the encoders and the muxer and writes the header.
		/// Throws Poco::RuntimeException carrying FFmpeg's error text (e.g. libx264 missing).

	~EncoderSession();

	EncoderSession(const EncoderSession&) = delete;
	EncoderSession& operator = (const EncoderSession&) = delete;

	Poco::Int64 nextDue() const;
		/// Media time, in microseconds from the start, of the frame the next produce() encodes.

	void produce(const Settings& settings);
		/// Pulls the earliest due frame (video or one audio track), encodes it and muxes the
		/// resulting packets. Throws Poco::RuntimeException on an FFmpeg error.

private:
	struct Track
	{
		AVCodecContext* codec = nullptr;
		AVFilterContext* sink = nullptr;
		AVStream* stream = nullptr;
		Poco::Int64 nextDue = 0; /// microseconds
	};

	void openVideo(const EncodingProfile& profile);
	void openAudio(const EncodingProfile::AudioTrack& track);
	void buildGraph(const EncodingProfile& profile);
	void openMuxer(const EncodingProfile& profile, const std::string& serviceName);
	void mux(Track& track, std::size_t videoFrameBytes);
	void release();
	static int writePacket(void* opaque, std::uint8_t* data, int size);

	Sink _sink;
	std::vector<Track> _tracks; /// [0] is video
	AVFilterGraph* _pGraph = nullptr;
	AVFormatContext* _pFormat = nullptr;
	AVIOContext* _pIO = nullptr;
	AVFrame* _pFrame = nullptr;
	AVPacket* _pPacket = nullptr;
	int _framesSinceKeyframe = -1; /// -1: no video frame yet
};


} // namespace fakeprovider


#endif // FakeProvider_EncoderSession_INCLUDED
