//
// SlateLoopTest.cpp
//
// The slate's loop as a decoder sees it: FFmpeg's own decoders read the
// pictures and the silence back; an admin's image is scaled and centred.
//

#include "live/SlateLoop.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cmath>
#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/frame.h>
}

using restream::host::SlateLoop;
using restream::host::SlateShape;

namespace {

std::shared_ptr<AVFrame> decode(const AVCodecParameters& parameters, const std::vector<AVPacket*>& packets)
	/// The first frame FFmpeg's decoder gives for packets.
{
	const AVCodec* codec = avcodec_find_decoder(parameters.codec_id);
	CPPUNIT_ASSERT(codec);
	std::shared_ptr<AVCodecContext> decoder(avcodec_alloc_context3(codec), [](AVCodecContext* context) { avcodec_free_context(&context); });
	CPPUNIT_ASSERT(avcodec_parameters_to_context(decoder.get(), &parameters) >= 0);
	CPPUNIT_ASSERT(avcodec_open2(decoder.get(), codec, nullptr) >= 0);
	std::shared_ptr<AVFrame> frame(av_frame_alloc(), [](AVFrame* unused) { av_frame_free(&unused); });
	for (AVPacket* packet : packets)
	{
		CPPUNIT_ASSERT(avcodec_send_packet(decoder.get(), packet) >= 0);
		if (avcodec_receive_frame(decoder.get(), frame.get()) >= 0) return frame;
	}
	avcodec_send_packet(decoder.get(), nullptr);
	CPPUNIT_ASSERT_MESSAGE("the decoder gave no frame", avcodec_receive_frame(decoder.get(), frame.get()) >= 0);
	return frame;
}

std::vector<AVPacket*> videoPackets(const SlateLoop& loop, int count)
{
	std::vector<AVPacket*> packets;
	for (int index = 0; index < count; ++index)
	{
		packets.push_back(av_packet_alloc());
		loop.videoPacket(index, *packets.back());
	}
	return packets;
}

void freePackets(std::vector<AVPacket*>& packets)
{
	for (AVPacket*& packet : packets) av_packet_free(&packet);
}

int pixel(const AVFrame& frame, int plane, int x, int y)
{
	return frame.data[plane][y * frame.linesize[plane] + x];
}

std::string writeRedPng(int width, int height)
	/// A PNG of one red colour, made with FFmpeg's png encoder.
{
	const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
	std::shared_ptr<AVCodecContext> encoder(avcodec_alloc_context3(codec), [](AVCodecContext* context) { avcodec_free_context(&context); });
	encoder->width = width;
	encoder->height = height;
	encoder->pix_fmt = AV_PIX_FMT_RGB24;
	encoder->time_base = AVRational{1, 25};
	CPPUNIT_ASSERT(avcodec_open2(encoder.get(), codec, nullptr) >= 0);
	std::shared_ptr<AVFrame> frame(av_frame_alloc(), [](AVFrame* unused) { av_frame_free(&unused); });
	frame->width = width;
	frame->height = height;
	frame->format = AV_PIX_FMT_RGB24;
	CPPUNIT_ASSERT(av_frame_get_buffer(frame.get(), 0) >= 0);
	for (int y = 0; y < height; ++y)
	{
		for (int x = 0; x < width; ++x)
		{
			uint8_t* rgb = frame->data[0] + y * frame->linesize[0] + 3 * x;
			rgb[0] = 255;
			rgb[1] = 0;
			rgb[2] = 0;
		}
	}
	CPPUNIT_ASSERT(avcodec_send_frame(encoder.get(), frame.get()) >= 0);
	AVPacket* packet = av_packet_alloc();
	CPPUNIT_ASSERT(avcodec_receive_packet(encoder.get(), packet) >= 0);
	const std::string path = Poco::TemporaryFile::tempName() + ".png";
	Poco::TemporaryFile::registerForDeletion(path);
	{
		Poco::FileOutputStream out(path);
		out.write(reinterpret_cast<const char*>(packet->data), packet->size);
	}
	av_packet_free(&packet);
	return path;
}

} // namespace

class SlateLoopTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SlateLoopTest);
	CPPUNIT_TEST(testPicturesAndSilenceDecode);
	CPPUNIT_TEST(testLoopsAreJoinPoints);
	CPPUNIT_TEST(testImageIsScaledAndCentred);
	CPPUNIT_TEST(testUnreadableImageFallsBackToTheName);
	CPPUNIT_TEST(testShapeKeepsWhatAProbeDidNotFind);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPicturesAndSilenceDecode()
	{
		SlateShape shape;
		shape.width = 320;
		shape.height = 180;
		shape.audio = true;
		shape.sampleRate = 44100;
		const auto loop = SlateLoop::encode(shape, "Channel", "Reconnecting…");
		CPPUNIT_ASSERT_EQUAL(std::string(), loop->problem());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), loop->format().tracks.size());
		auto packets = videoPackets(*loop, SlateLoop::framesPerSecond);
		const auto picture = decode(*loop->format().tracks[0].parameters, packets);
		freePackets(packets);
		CPPUNIT_ASSERT_EQUAL(320, picture->width);
		CPPUNIT_ASSERT_EQUAL(180, picture->height);

		std::vector<AVPacket*> audio;
		for (int index = 0; index < 8; ++index)
		{
			audio.push_back(av_packet_alloc());
			loop->audioPacket(index, *audio.back());
		}
		const auto sound = decode(*loop->format().tracks[1].parameters, audio);
		freePackets(audio);
		CPPUNIT_ASSERT_EQUAL(44100, sound->sample_rate);
		CPPUNIT_ASSERT_EQUAL(AV_SAMPLE_FMT_FLTP, static_cast<AVSampleFormat>(sound->format));
		float loudest = 0;
		for (int sample = 0; sample < sound->nb_samples; ++sample)
			loudest = std::max(loudest, std::fabs(reinterpret_cast<const float*>(sound->data[0])[sample]));
		CPPUNIT_ASSERT_MESSAGE("silence", loudest < 1e-4f);
		// 44.1 kHz frames do not fall on whole 90 kHz ticks: the timestamps never drift nor go back
		CPPUNIT_ASSERT_EQUAL(90000LL * 1024 * 441 / 44100, loop->audioDts(441));
	}

	void testLoopsAreJoinPoints()
	{
		SlateShape shape;
		const auto loop = SlateLoop::encode(shape, "Channel", "Reconnecting…");
		AVPacket* packet = av_packet_alloc();
		for (long long index : {0LL, 1LL, 24LL, 25LL, 50LL})
		{
			loop->videoPacket(index, *packet);
			CPPUNIT_ASSERT_EQUAL(static_cast<int64_t>(index * 3600), packet->dts);
			CPPUNIT_ASSERT_EQUAL(packet->dts, packet->pts);
			CPPUNIT_ASSERT_EQUAL(index % 25 == 0, (packet->flags & AV_PKT_FLAG_KEY) != 0);
			av_packet_unref(packet);
		}
		av_packet_free(&packet);
	}

	void testImageIsScaledAndCentred()
	{
		SlateShape shape;
		shape.width = 320;
		shape.height = 180;
		const auto loop = SlateLoop::encode(shape, "Channel", "Reconnecting…", writeRedPng(64, 64));
		CPPUNIT_ASSERT_EQUAL(std::string(), loop->problem());
		auto packets = videoPackets(*loop, 1);
		const auto picture = decode(*loop->format().tracks[0].parameters, packets);
		freePackets(packets);
		// red (BT.601: U low, V high) in the middle, 180x180; the dark background at the sides
		CPPUNIT_ASSERT_MESSAGE("V " + std::to_string(pixel(*picture, 2, 80, 45)), pixel(*picture, 2, 80, 45) > 200);
		CPPUNIT_ASSERT(pixel(*picture, 1, 80, 45) < 110);
		CPPUNIT_ASSERT_MESSAGE("Y at the left edge " + std::to_string(pixel(*picture, 0, 10, 90)), pixel(*picture, 0, 10, 90) < 50);
		CPPUNIT_ASSERT(pixel(*picture, 2, 5, 45) < 140);
	}

	void testUnreadableImageFallsBackToTheName()
	{
		Poco::TemporaryFile notAnImage;
		{
			Poco::FileOutputStream out(notAnImage.path());
			out << "<svg xmlns='http://www.w3.org/2000/svg'/>";
		}
		SlateShape shape;
		for (const std::string& path : {notAnImage.path(), std::string("/nonexistent/slate.png")})
		{
			const auto loop = SlateLoop::encode(shape, "Channel", "Reconnecting…", path);
			CPPUNIT_ASSERT_MESSAGE(loop->problem(), loop->problem().find("the channel's name is shown instead") != std::string::npos);
			AVPacket* packet = av_packet_alloc();
			loop->videoPacket(0, *packet);
			CPPUNIT_ASSERT(packet->size > 0);
			av_packet_free(&packet);
		}
	}

	void testShapeKeepsWhatAProbeDidNotFind()
	{
		std::shared_ptr<AVCodecParameters> video(avcodec_parameters_alloc(), [](AVCodecParameters* unused) { avcodec_parameters_free(&unused); });
		video->codec_id = AV_CODEC_ID_H264;
		video->width = 640;
		video->height = 360;
		video->profile = 77;
		restream::ChannelFormat format;
		format.tracks.push_back({video.get(), AVRational{1, 90000}});
		const SlateShape first = SlateShape::of(format);
		CPPUNIT_ASSERT(first.width == 640 && first.height == 360 && first.profile == 77 && !first.audio);
		video->width = 0; // a reconnect's probe that found no picture size
		video->height = 0;
		video->profile = 100;
		const SlateShape next = SlateShape::of(format, first);
		CPPUNIT_ASSERT_EQUAL(640, next.width);
		CPPUNIT_ASSERT_EQUAL(360, next.height);
		CPPUNIT_ASSERT_EQUAL(100, next.profile);
		CPPUNIT_ASSERT_EQUAL(1280, SlateShape::of(format).width); // nothing known: 720p
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(SlateLoopTest);
