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
#include "Poco/Timespan.h"
#include <map>
#include <mutex>
#include <string>


namespace fakeprovider {


class FaultSwitches
	/// Fault switches per channel and global (channel id 0), plus the global API mode, API delay
	/// and User-Agent filter. Knows nothing of the catalog: callers check channel ids.
	/// Thread-safe.
{
public:
	explicit FaultSwitches(Poco::Timespan apiDelay);

	void set(int channelId, const ChannelFaults& faults);
		/// Throws Poco::InvalidArgumentException for a status outside 300-599 (0 allowed), a negative
		/// dropAfter or a redirect count outside 0-100.

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
	void setUserAgentRequired(const std::string& substring);
	std::string userAgentRequired() const;

	bool userAgentAllowed(const std::string& userAgent) const;
		/// True if no filter is set or userAgent contains the required substring.

	void reset(Poco::Timespan apiDelay);
		/// Clears everything; the API delay becomes apiDelay.

private:
	mutable std::mutex _mutex;
	std::map<int, ChannelFaults> _faults;
	ApiMode _apiMode = ApiMode::NORMAL;
	Poco::Timespan _apiDelay;
	std::string _userAgentRequired;
};


} // namespace fakeprovider


#endif // FakeProvider_FaultSwitches_INCLUDED
