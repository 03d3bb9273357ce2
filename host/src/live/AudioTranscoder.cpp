//
// AudioTranscoder.cpp
//

#include "live/AudioTranscoder.h"
#include <Poco/Exception.h>
#include <cstdlib>
#include <string>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
}

namespace restream::host {

namespace {

std::string describe(int error)
{
	char text[AV_ERROR_MAX_STRING_SIZE] = {0};
	av_strerror(error, text, sizeof(text));
	return text;
}

void check(int result, const char* what)
{
	if (result < 0) throw Poco::IOException(std::string("audio transcoder: ") + what + ": " + describe(result));
}

int aacSampleRate(int rate)
{
	for (int allowed : {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000})
	{
		if (rate == allowed) return rate;
	}
	return 48000;
}

} // namespace

AudioTranscoder::AudioTranscoder(const AVCodecParameters& input, AVRational inputTimeBase, int bitRate):
	_inputTimeBase(inputTimeBase)
{
	try
	{
		const AVCodec* decoder = avcodec_find_decoder(input.codec_id);
		if (!decoder) throw Poco::NotFoundException("audio transcoder: no decoder for " + std::string(avcodec_get_name(input.codec_id)));
		const AVCodec* encoder = avcodec_find_encoder_by_name("aac");
		if (!encoder) throw Poco::NotFoundException("audio transcoder: FFmpeg has no aac encoder");

		_decoder = avcodec_alloc_context3(decoder);
		check(avcodec_parameters_to_context(_decoder, &input), "decoder parameters");
		_decoder->pkt_timebase = inputTimeBase;
		check(avcodec_open2(_decoder, decoder, nullptr), "open decoder");

		_encoder = avcodec_alloc_context3(encoder);
		_encoder->sample_fmt = AV_SAMPLE_FMT_FLTP;
		_encoder->sample_rate = aacSampleRate(input.sample_rate > 0 ? input.sample_rate : 48000);
		const int channels = input.ch_layout.nb_channels == 1 ? 1 : 2;
		av_channel_layout_default(&_encoder->ch_layout, channels);
		_encoder->bit_rate = channels == 1 ? bitRate / 2 : bitRate;
		_encoder->time_base = AVRational{1, _encoder->sample_rate};
		check(avcodec_open2(_encoder, encoder, nullptr), "open aac encoder");

		_parameters = avcodec_parameters_alloc();
		check(avcodec_parameters_from_context(_parameters, _encoder), "aac parameters");
		_fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, _encoder->frame_size * 4);
		_decoded = av_frame_alloc();
		_chunk = av_frame_alloc();
		if (!_fifo || !_decoded || !_chunk || !_parameters) throw Poco::OutOfMemoryException("audio transcoder");
	}
	catch (...)
	{
		release();
		throw;
	}
}

AudioTranscoder::~AudioTranscoder()
{
	release();
}

void AudioTranscoder::release()
{
	avcodec_free_context(&_decoder);
	avcodec_free_context(&_encoder);
	swr_free(&_resampler);
	if (_fifo) av_audio_fifo_free(_fifo);
	_fifo = nullptr;
	av_frame_free(&_decoded);
	av_frame_free(&_chunk);
	avcodec_parameters_free(&_parameters);
}

const AVCodecParameters& AudioTranscoder::parameters() const
{
	return *_parameters;
}

AVRational AudioTranscoder::timeBase() const
{
	return _encoder->time_base;
}

int AudioTranscoder::send(const AVPacket& packet)
{
	if (avcodec_send_packet(_decoder, &packet) < 0) return 0;
	for (;;)
	{
		const int result = avcodec_receive_frame(_decoder, _decoded);
		if (result == AVERROR(EAGAIN) || result == AVERROR_EOF) return 0;
		if (result < 0) return 0; // a broken frame: skip it
		const int resampled = resample(*_decoded);
		av_frame_unref(_decoded);
		if (resampled < 0) return resampled;
	}
}

int AudioTranscoder::resample(const AVFrame& frame)
{
	if (!_resampler)
	{
		int result = swr_alloc_set_opts2(&_resampler, &_encoder->ch_layout, _encoder->sample_fmt, _encoder->sample_rate, const_cast<AVChannelLayout*>(&frame.ch_layout),
			static_cast<AVSampleFormat>(frame.format), frame.sample_rate, 0, nullptr);
		if (result < 0 || (result = swr_init(_resampler)) < 0) return result;
	}
	const AVRational outputBase = _encoder->time_base;
	if (frame.best_effort_timestamp != AV_NOPTS_VALUE)
	{
		// where the samples already queued end, as the input says
		const long long inputPts = av_rescale_q(frame.best_effort_timestamp, _inputTimeBase, outputBase);
		const long long expected = _nextPts + av_audio_fifo_size(_fifo);
		if (!_synchronised || std::llabs(inputPts - expected) > _encoder->sample_rate / 2)
		{
			_nextPts = inputPts - av_audio_fifo_size(_fifo);
			_synchronised = true;
		}
	}
	const int capacity = swr_get_out_samples(_resampler, frame.nb_samples);
	if (capacity < 0) return capacity;
	uint8_t** converted = nullptr;
	int result = av_samples_alloc_array_and_samples(&converted, nullptr, _encoder->ch_layout.nb_channels, capacity, _encoder->sample_fmt, 0);
	if (result < 0) return result;
	const int samples = swr_convert(_resampler, converted, capacity, const_cast<const uint8_t**>(frame.extended_data), frame.nb_samples);
	if (samples > 0) result = av_audio_fifo_write(_fifo, reinterpret_cast<void**>(converted), samples);
	av_freep(&converted[0]);
	av_freep(&converted);
	return samples < 0 ? samples : (result < 0 ? result : 0);
}

int AudioTranscoder::receive(AVPacket& packet)
{
	for (;;)
	{
		const int result = avcodec_receive_packet(_encoder, &packet);
		if (result != AVERROR(EAGAIN)) return result;
		const int queued = encodeAvailable();
		if (queued <= 0) return queued < 0 ? queued : AVERROR(EAGAIN);
	}
}

int AudioTranscoder::encodeAvailable()
{
	const int frameSize = _encoder->frame_size;
	if (av_audio_fifo_size(_fifo) < frameSize) return 0;
	av_frame_unref(_chunk);
	_chunk->nb_samples = frameSize;
	_chunk->format = _encoder->sample_fmt;
	_chunk->sample_rate = _encoder->sample_rate;
	int result = av_channel_layout_copy(&_chunk->ch_layout, &_encoder->ch_layout);
	if (result < 0 || (result = av_frame_get_buffer(_chunk, 0)) < 0) return result;
	if (av_audio_fifo_read(_fifo, reinterpret_cast<void**>(_chunk->data), frameSize) < frameSize) return AVERROR_BUG;
	_chunk->pts = _nextPts;
	_nextPts += frameSize;
	result = avcodec_send_frame(_encoder, _chunk);
	return result < 0 ? result : 1;
}

} // namespace restream::host
