//
// LiveSettings.h
//

#ifndef restream_host_LiveSettings_INCLUDED
#define restream_host_LiveSettings_INCLUDED

#include "live/RecoveryPolicy.h"
#include "live/UrlInputOptions.h"
#include <Poco/Timespan.h>

namespace restream::host {

struct LiveSettings
	/// The engine's settings (keys live.*). A value type.
{
	int maxChannels = 2;                                   /// channels that may run at once
	Poco::Timespan idleTimeout = Poco::Timespan(30, 0);    /// a channel nothing holds stops this long after
	Poco::Timespan accountRefresh = Poco::Timespan(600, 0); /// how often the provider's account is read
	UrlInputOptions input;
	RecoveryPolicy recovery;
};

} // namespace restream::host

#endif // restream_host_LiveSettings_INCLUDED
