//
// TestVideoReader.cpp
//


#include "TestVideoReader.h"
#include "fakeprovider/FrameClock.h"
#include "Poco/Exception.h"
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}


namespace {


void check(int rc, const std::string& what)
{
	if (rc >= 0) return;
	char text[AV_ERROR_MAX_STRING_SIZE] = {0};
	av_strerror(rc, text, sizeof(text));
	throw Poco::IOException(what, text);
}


Poco::Int64 nowMs()
{
	return Poco::Timestamp().epochMicroseconds() / 1000;
}


} // namespace


TestVideoReader::TestVideoReader(const std::string& url, Poco::Timespan timeout):
	_timeout(timeout)
{
	_deadline = Poco::Timestamp() + _timeout.totalMicroseconds();
	_pFormat = avformat_alloc_context();
	_pFormat->interrupt_callback.callback = &TestVideoReader::interrupt;
	_pFormat->interrupt_callback.opaque = this;
	AVDictionary* pOptions = nullptr;
	av_dict_set(&pOptions, "rw_timeout", std::to_string(timeout.totalMicroseconds()).c_str(), 0);
	av_dict_set(&pOptions, "probesize", "500000", 0);
	av_dict_set(&pOptions, "analyzeduration", "1000000", 0);
	const int rc = avformat_open_input(&_pFormat, url.c_str(), nullptr, &pOptions); // frees _pFormat on failure
	av_dict_free(&pOptions);
	try
	{
		check(rc, "avformat_open_input");
		check(avformat_find_stream_info(_pFormat, nullptr), "avformat_find_stream_info");
		_videoIndex = av_find_best_stream(_pFormat, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
		check(_videoIndex, "no video stream");
		const AVCodecParameters* pParameters = _pFormat->streams[_videoIndex]->codecpar;
		const AVCodec* pDecoder = avcodec_find_decoder(pParameters->codec_id);
		if (!pDecoder) throw Poco::IOException("no decoder");
		_pCodec = avcodec_alloc_context3(pDecoder);
		check(avcodec_parameters_to_context(_pCodec, pParameters), "avcodec_parameters_to_context");
		_pCodec->thread_count = 1;
		_pCodec->flags |= AV_CODEC_FLAG_LOW_DELAY;
		check(avcodec_open2(_pCodec, pDecoder, nullptr), "avcodec_open2");
		_pPacket = av_packet_alloc();
		_pFrame = av_frame_alloc();
	}
	catch (...)
	{
		avcodec_free_context(&_pCodec);
		avformat_close_input(&_pFormat);
		throw;
	}
}


TestVideoReader::~TestVideoReader()
{
	av_frame_free(&_pFrame);
	av_packet_free(&_pPacket);
	avcodec_free_context(&_pCodec);
	avformat_close_input(&_pFormat);
}


TestVideoReader::Frame TestVideoReader::next()
{
	_deadline = Poco::Timestamp() + _timeout.totalMicroseconds();
	for (;;)
	{
		const int received = avcodec_receive_frame(_pCodec, _pFrame);
		if (received == 0)
		{
			Frame frame;
			frame.decodedMs = nowMs();
			frame.keyframe = _lastKeyframe;
			frame.packetSize = _lastPacketSize;
			frame.hasClock = fakeprovider::FrameClock::read(*_pFrame, frame.decodedMs, frame.clockMs);
			av_frame_unref(_pFrame);
			return frame;
		}
		if (received != AVERROR(EAGAIN)) check(received, "avcodec_receive_frame");
		check(av_read_frame(_pFormat, _pPacket), "av_read_frame");
		if (_pPacket->stream_index == _videoIndex)
		{
			_lastKeyframe = (_pPacket->flags & AV_PKT_FLAG_KEY) != 0;
			_lastPacketSize = _pPacket->size;
			const int sent = avcodec_send_packet(_pCodec, _pPacket);
			av_packet_unref(_pPacket);
			check(sent, "avcodec_send_packet");
		}
		else av_packet_unref(_pPacket);
	}
}


int TestVideoReader::interrupt(void* opaque)
{
	return Poco::Timestamp() > static_cast<TestVideoReader*>(opaque)->_deadline ? 1 : 0;
}
