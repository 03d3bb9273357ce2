//
// Subscription.h
//

#ifndef restream_Subscription_INCLUDED
#define restream_Subscription_INCLUDED

#include "restream/Version.h"

namespace restream {

class RESTREAM_API Subscription
	/// Keeps a callback subscribed while it exists (Channels::subscribe()).
	/// Destroying it unsubscribes: once the destructor returns, the callback
	/// is not running and will not be called again (unless the destructor
	/// runs inside the callback itself, which is allowed).
	/// Ownership: the subscriber, destroyed by the end of its plugin's stop().
{
public:
	virtual ~Subscription() = default;
};

} // namespace restream

#endif // restream_Subscription_INCLUDED
