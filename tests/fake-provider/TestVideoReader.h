//
// TestVideoReader.h
//
// Reads and decodes a live stream's video for the fake provider's self-test.
//


#ifndef FakeProvider_TestVideoReader_INCLUDED
#define FakeProvider_TestVideoReader_INCLUDED


#include "Poco/Timespan.h"
#include "Poco/Timestamp.h"
#include "Poco/Types.h"
#include <string>


struct AVCodecContext;
struct AVFormatContext;
struct AVFrame;
struct AVPacket;


class TestVideoReader
	/// Opens a URL with libavformat (as restream's input would, with bounded probing) and decodes
	/// its video with libavcodec (one thread, low delay), one frame at a time, noting for each
	/// frame its packet and the FrameClock it carries. Not thread-safe.
{
public:
	struct Frame
	{
		bool keyframe = false;        /// its packet was flagged as a keyframe
		int packetSize = 0;           /// bytes of its packet
		bool hasClock = false;        /// FrameClock::read() succeeded
		Poco::Int64 clockMs = 0;      /// the burned-in clock (Unix ms)
		Poco::Int64 decodedMs = 0;    /// when it came out of the decoder (Unix ms)
	};

	TestVideoReader(const std::string& url, Poco::Timespan timeout);
		/// Opens the URL and its video decoder. Throws Poco::IOException on failure; every read
		/// is bounded by timeout.

	~TestVideoReader();

	TestVideoReader(const TestVideoReader&) = delete;
	TestVideoReader& operator = (const TestVideoReader&) = delete;

	Frame next();
		/// Decodes the next video frame. Throws Poco::IOException at the end, on an error or a timeout.

private:
	static int interrupt(void* opaque);

	const Poco::Timespan _timeout;
	Poco::Timestamp _deadline;
	AVFormatContext* _pFormat = nullptr;
	AVCodecContext* _pCodec = nullptr;
	AVPacket* _pPacket = nullptr;
	AVFrame* _pFrame = nullptr;
	int _videoIndex = -1;
	bool _lastKeyframe = false;
	int _lastPacketSize = 0;
};


#endif // FakeProvider_TestVideoReader_INCLUDED
