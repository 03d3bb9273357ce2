//
// ChannelFormat.h
//
// The tracks of a live channel as the pipeline hands them to outputs.
//

#ifndef restream_ChannelFormat_INCLUDED
#define restream_ChannelFormat_INCLUDED

#include <vector>

extern "C" {
#include <libavcodec/codec_par.h>
#include <libavutil/rational.h>
}

namespace restream {

struct ChannelFormat
	/// The tracks of a live channel: packets carry the index of their track
	/// in tracks as stream_index. The pipeline always gives one H.264 video
	/// track first and at most one AAC audio track second.
	///
	/// Ownership: the codec parameters belong to whoever made the format (the
	/// pipeline or a PacketProducer) and stay valid until the next
	/// ChannelSink::begin() or end(); a sink that keeps them copies them
	/// (avcodec_parameters_copy).
{
	struct Track
	{
		const AVCodecParameters* parameters = nullptr; /// codec, extradata, size, sample rate...
		AVRational timeBase{1, 90000};                 /// of the packets' pts, dts and duration
	};

	std::vector<Track> tracks;
};

} // namespace restream

#endif // restream_ChannelFormat_INCLUDED
