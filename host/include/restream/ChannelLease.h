//
// ChannelLease.h
//

#ifndef restream_ChannelLease_INCLUDED
#define restream_ChannelLease_INCLUDED

#include "restream/Version.h"
#include <Poco/Types.h>

namespace restream {

class RESTREAM_API ChannelLease
	/// Keeps a channel running while it exists (see Channels::acquire()).
	/// Destroying it releases the channel: when no lease and no pin is left,
	/// the host stops the channel live.idleTimeout seconds later (sooner
	/// when another channel needs its provider connection).
	///
	/// Ownership: the plugin that acquired it; it must be destroyed by the
	/// end of that plugin's stop(). Destroying it never blocks and never
	/// throws, from any thread, even after the host stopped its channels.
{
public:
	virtual ~ChannelLease() = default;

	virtual Poco::Int64 streamId() const = 0;

	virtual bool active() const = 0;
		/// False once the channel stopped under the lease: the admin stopped it
		/// or needed its provider connection for the program or a pin (which
		/// outrank leases). Take a new lease then, or tell the viewer.
};

} // namespace restream

#endif // restream_ChannelLease_INCLUDED
