//
// SlateShape.cpp
//

#include "live/SlateShape.h"

namespace restream::host {

namespace {

bool even(int value)
{
	return value % 2 == 0;
}

} // namespace

SlateShape SlateShape::of(const ChannelFormat& format, const SlateShape& known)
{
	SlateShape shape = known;
	shape.audio = false;
	if (!format.tracks.empty() && format.tracks[0].parameters)
	{
		const AVCodecParameters& video = *format.tracks[0].parameters;
		// 4:2:0 pictures have even sides; anything odd, absurd or unknown keeps known's
		if (video.width >= 16 && video.height >= 16 && video.width <= 4096 && video.height <= 2304 && even(video.width) && even(video.height))
		{
			shape.width = video.width;
			shape.height = video.height;
		}
		const int profileIdc = video.profile & 0xff; // without the constrained and intra flags
		if (video.profile > 0) shape.profile = profileIdc == 66 || profileIdc == 77 ? profileIdc : 100;
	}
	if (format.tracks.size() > 1 && format.tracks[1].parameters)
	{
		const AVCodecParameters& audio = *format.tracks[1].parameters;
		shape.audio = true;
		if (audio.sample_rate > 0) shape.sampleRate = audio.sample_rate;
		shape.channels = audio.ch_layout.nb_channels == 1 ? 1 : 2;
	}
	return shape;
}

SlateShape SlateShape::of(const ChannelFormat& format)
{
	return of(format, SlateShape());
}

bool SlateShape::operator==(const SlateShape& other) const
{
	return width == other.width && height == other.height && profile == other.profile && audio == other.audio &&
		sampleRate == other.sampleRate && channels == other.channels;
}

bool SlateShape::operator!=(const SlateShape& other) const
{
	return !(*this == other);
}

} // namespace restream::host
