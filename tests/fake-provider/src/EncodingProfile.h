//
// EncodingProfile.h
//
// Library: fakeprovider
//
// What the encoder of a channel produces.
//


#ifndef FakeProvider_EncodingProfile_INCLUDED
#define FakeProvider_EncodingProfile_INCLUDED


#include <string>
#include <vector>


namespace fakeprovider {


struct EncodingProfile
	/// Video and audio tracks of a streamable channel. Video is always H.264 (libx264 ultrafast,
	/// zerolatency, yuv420p, 25 fps, see EncoderSession) from testsrc2; audio comes from sine.
{
	struct AudioTrack
	{
		std::string encoder;  /// FFmpeg encoder name: "aac", "mp2" or "ac3"
		int bitRate = 128000;
		int frequency = 440;  /// of the sine tone, Hz
		std::string language; /// ISO 639-2 code written in the PMT, or empty
	};

	int width = 320;
	int height = 180;
	int videoBitRate = 300000;
	std::vector<AudioTrack> audioTracks;
};


} // namespace fakeprovider


#endif // FakeProvider_EncodingProfile_INCLUDED
