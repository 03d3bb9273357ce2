//
// AudioTranscoder.h
//

#ifndef restream_host_AudioTranscoder_INCLUDED
#define restream_host_AudioTranscoder_INCLUDED

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/audio_fifo.h>
#include <libswresample/swresample.h>
}

namespace restream::host {

class AudioTranscoder
	/// Turns audio that browsers cannot play (MP2, AC-3, E-AC-3, ...) into
	/// AAC in process: decode, resample to planar float (stereo at most, the
	/// input's rate when AAC allows it), encode with FFmpeg's aac encoder in
	/// frames of its frame size. Output timestamps follow the input's, in
	/// 1/sample_rate, re-synchronised when the input jumps.
	/// Used by one thread. Errors: the constructor throws Poco::Exception;
	/// send() and receive() return AVERROR codes.
{
public:
	AudioTranscoder(const AVCodecParameters& input, AVRational inputTimeBase, int bitRate);
	~AudioTranscoder();

	AudioTranscoder(const AudioTranscoder&) = delete;
	AudioTranscoder& operator=(const AudioTranscoder&) = delete;

	const AVCodecParameters& parameters() const;
		/// The AAC output's parameters.

	AVRational timeBase() const;
		/// Of the packets receive() gives.

	int send(const AVPacket& packet);
		/// Decodes one input packet. A packet the decoder refuses is dropped
		/// (0 returned): a broken audio frame must not stop the channel.

	int receive(AVPacket& packet);
		/// 0 with an AAC packet, or AVERROR(EAGAIN) when more input is needed.

private:
	void release();
	int resample(const AVFrame& frame);
	int encodeAvailable();

	AVCodecContext* _decoder = nullptr;
	AVCodecContext* _encoder = nullptr;
	SwrContext* _resampler = nullptr;
	AVAudioFifo* _fifo = nullptr;
	AVFrame* _decoded = nullptr;
	AVFrame* _chunk = nullptr;
	AVCodecParameters* _parameters = nullptr;
	AVRational _inputTimeBase;
	long long _nextPts = 0;       /// pts of the next encoded frame, in 1/sample_rate
	bool _synchronised = false; /// _nextPts follows the input
};

} // namespace restream::host

#endif // restream_host_AudioTranscoder_INCLUDED
