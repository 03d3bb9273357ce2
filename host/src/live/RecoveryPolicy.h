//
// RecoveryPolicy.h
//

#ifndef restream_host_RecoveryPolicy_INCLUDED
#define restream_host_RecoveryPolicy_INCLUDED

#include <Poco/Timespan.h>

namespace restream::host {

struct RecoveryPolicy
	/// How a channel recovers when its upstream fails (keys live.*). A value type.
	/// Retries wait retryDelay, doubling up to maxRetryDelay, each with up to
	/// 50 % random jitter, so the provider never sees a tight loop; a session
	/// that streamed longer than healthyAfter resets the count.
{
	Poco::Timespan retryDelay = Poco::Timespan(1, 0);
	Poco::Timespan maxRetryDelay = Poco::Timespan(30, 0);
	int maxFailures = 8;                                   /// consecutive failures before the channel is in error
	Poco::Timespan errorRetryInterval = Poco::Timespan(300, 0); /// in error, try again after this (0: only when the admin acts)
	Poco::Timespan healthyAfter = Poco::Timespan(20, 0);
};

} // namespace restream::host

#endif // restream_host_RecoveryPolicy_INCLUDED
