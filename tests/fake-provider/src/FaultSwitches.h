//
// FaultSwitches.h
//
// Library: fakeprovider
//
// The current fault switches and API behaviour.
//


#ifndef FakeProvider_FaultSwitches_INCLUDED
#define FakeProvider_FaultSwitches_INCLUDED


#include "fakeprovider/ApiMode.h"
#include "fakeprovider/ChannelFaults.h"
#include "fakeprovider/ProviderOptions.h"
#include "Poco/Timespan.h"
#include <map>
#include <mutex>
#include <string>


namespace fakeprovider {


class FaultSwitches
	/// Fault switches per channel and global (channel id 0), plus the global API mode, API delay,
	/// catalog drip and User-Agent filter. Knows nothing of the catalog: callers check channel ids.
	/// Thread-safe.
{
public:
	static constexpr int MAX_BIT_RATE_MBPS = 1000;

	explicit FaultSwitches(const ProviderOptions& options);

	void set(int channelId, const ChannelFaults& faults);
		/// Throws Poco::InvalidArgumentException for a status outside 300-599 (0 allowed), a negative
		/// dropAfter, a redirect count outside 0-100 or a bit rate outside 0-MAX_BIT_RATE_MBPS.

	ChannelFaults get(int channelId) const;
		/// As set, without merging.

	ChannelFaults effective(int channelId) const;
		/// The channel's values, the global ones where the channel's are unset.

	std::map<int, ChannelFaults> all() const;
		/// Every set entry, the global one at key 0.

	void setApiMode(ApiMode mode);
	ApiMode apiMode() const;
	void setApiDelay(Poco::Timespan delay);
	Poco::Timespan apiDelay() const;
	void setCatalogDrip(Poco::Timespan interval);
		/// Throws Poco::InvalidArgumentException if negative.
	Poco::Timespan catalogDrip() const;
	void setUserAgentRequired(const std::string& substring);
	std::string userAgentRequired() const;

	bool userAgentAllowed(const std::string& userAgent) const;
		/// True if no filter is set or userAgent contains the required substring.

	void reset(const ProviderOptions& options);
		/// Clears everything; the API delay and the catalog drip become the options' values.

private:
	mutable std::mutex _mutex;
	std::map<int, ChannelFaults> _faults;
	ApiMode _apiMode = ApiMode::NORMAL;
	Poco::Timespan _apiDelay;
	Poco::Timespan _catalogDrip;
	std::string _userAgentRequired;
};


} // namespace fakeprovider


#endif // FakeProvider_FaultSwitches_INCLUDED
