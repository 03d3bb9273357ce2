//
// RecoveryPolicy.h
//

#ifndef restream_host_RecoveryPolicy_INCLUDED
#define restream_host_RecoveryPolicy_INCLUDED

#include <Poco/Timespan.h>
#include <string>

namespace restream::host {

struct RecoveryPolicy
	/// How a channel recovers when its upstream fails (keys live.*). A value type.
	///   - An upstream that delivered a keyframe and then failed is opened
	///     again after a random delay of at most reopenJitter: a viewer's
	///     buffer covers that, and many channels dropped by one provider
	///     hiccup do not come back in the same millisecond.
	///   - Consecutive opens that deliver no keyframe wait retryDelay,
	///     doubling up to maxRetryDelay, each with up to 50 % random
	///     jitter; refusals (HTTP 401, 403, 404: a full account, an offline
	///     channel) double up to maxRefusedDelay instead, so the provider
	///     never sees a tight loop of refused logins.
	///   - After maxFailures such opens the channel shows Error, and goes on
	///     retrying at the capped delay.
	///   - With slate on, once a channel that was live has delivered nothing
	///     for slateAfter, its outputs get a still picture with silence until
	///     the upstream delivers a keyframe again, so players never run dry:
	///     slateImage (a PNG or JPEG file) if set, else the channel's name.
{
	Poco::Timespan reopenJitter = Poco::Timespan(0, 500000);
	Poco::Timespan retryDelay = Poco::Timespan(1, 0);
	Poco::Timespan maxRetryDelay = Poco::Timespan(2, 0);
	Poco::Timespan maxRefusedDelay = Poco::Timespan(30, 0);
	int maxFailures = 5;
	bool slate = true;
	Poco::Timespan slateAfter = Poco::Timespan(2, 0);
	std::string slateImage;
};

} // namespace restream::host

#endif // restream_host_RecoveryPolicy_INCLUDED
