//
// RuntimeSettings.h
//
// Library: fakeprovider
//
// The switches of the provider that are features, not faults.
//


#ifndef FakeProvider_RuntimeSettings_INCLUDED
#define FakeProvider_RuntimeSettings_INCLUDED


#include "fakeprovider/ProviderOptions.h"
#include <mutex>


namespace fakeprovider {


class RuntimeSettings
	/// GOP length, HLS on or off and the guide's size: their options' values, changeable at run
	/// time. Thread-safe.
{
public:
	static constexpr int MAX_GOP_FRAMES = 250;
	static constexpr int MAX_GUIDE_CHANNELS = 10000000;
	static constexpr int MAX_GUIDE_HOURS = 8760;

	explicit RuntimeSettings(const ProviderOptions& options);
		/// Throws Poco::InvalidArgumentException if an option is out of range.

	void setGopFrames(int frames);
		/// Throws Poco::InvalidArgumentException outside 1-MAX_GOP_FRAMES.
	int gopFrames() const;

	void setHls(bool enabled);
	bool hls() const;

	void setGuideSize(int channels, int hours);
		/// Throws Poco::InvalidArgumentException outside 0-MAX_GUIDE_CHANNELS, 1-MAX_GUIDE_HOURS.
	int guideChannels() const;
	int guideHours() const;

	void reset(const ProviderOptions& options);
		/// Back to the options' values.

private:
	mutable std::mutex _mutex;
	int _gopFrames = 0;
	bool _hls = false;
	int _guideChannels = 0;
	int _guideHours = 0;
};


} // namespace fakeprovider


#endif // FakeProvider_RuntimeSettings_INCLUDED
