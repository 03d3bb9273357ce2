//
// RuntimeSettings.cpp
//
// Library: fakeprovider
//


#include "RuntimeSettings.h"
#include "Poco/Exception.h"


namespace fakeprovider {


RuntimeSettings::RuntimeSettings(const ProviderOptions& options)
{
	reset(options);
}


void RuntimeSettings::setGopFrames(int frames)
{
	if (frames < 1 || frames > MAX_GOP_FRAMES) throw Poco::InvalidArgumentException("gop_frames must be 1-250");
	std::lock_guard<std::mutex> lock(_mutex);
	_gopFrames = frames;
}


int RuntimeSettings::gopFrames() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _gopFrames;
}


void RuntimeSettings::setHls(bool enabled)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_hls = enabled;
}


bool RuntimeSettings::hls() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _hls;
}


void RuntimeSettings::setGuideSize(int channels, int hours)
{
	if (channels < 0 || channels > MAX_GUIDE_CHANNELS) throw Poco::InvalidArgumentException("guide_channels must be 0-10000000");
	if (hours < 1 || hours > MAX_GUIDE_HOURS) throw Poco::InvalidArgumentException("guide_hours must be 1-8760");
	std::lock_guard<std::mutex> lock(_mutex);
	_guideChannels = channels;
	_guideHours = hours;
}


int RuntimeSettings::guideChannels() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _guideChannels;
}


int RuntimeSettings::guideHours() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _guideHours;
}


void RuntimeSettings::reset(const ProviderOptions& options)
{
	setGopFrames(options.gopFrames);
	setGuideSize(options.guideChannels, options.guideHours);
	setHls(options.hls);
}


} // namespace fakeprovider
