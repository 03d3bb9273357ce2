//
// Channels.h
//
// The host's live channels, as plugins drive them.
//

#ifndef restream_Channels_INCLUDED
#define restream_Channels_INCLUDED

#include "restream/ChannelEvent.h"
#include "restream/ChannelLease.h"
#include "restream/ChannelStatus.h"
#include "restream/Subscription.h"
#include "restream/Version.h"
#include <Poco/Types.h>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace restream {

class RESTREAM_API Channels
	/// The running channels (one provider connection each, however many
	/// outputs and viewers) and the program (the channel on air at
	/// /live.m3u8). Reached through PluginContext::channels().
	///
	/// A channel runs while something holds it: the admin's pin (start()),
	/// the program, or a lease (acquire()). It starts at the first holder
	/// and stops live.idleTimeout seconds after the last one is gone (at
	/// once when the admin stops it and nothing else holds it).
	///
	/// Admission: distinct running channels never exceed the provider
	/// account's max_connections (as the source reports it, refreshed in
	/// the background) nor live.maxChannels. A channel already running never
	/// costs another connection; a channel that runs only for its idle delay
	/// gives its connection up to a new one, and for the admin's program or
	/// pins a channel held only by leases gives its connection up too (its
	/// leases stop being active()). A refusal is a ChannelException with a
	/// code and a sentence, decided without any request to the provider.
	///
	/// Threads: every method from any thread. Calls never wait on the
	/// network (a start returns while the upstream opens).
	/// Errors: ChannelException as said; nothing else.
{
public:
	virtual ~Channels() = default;

	virtual std::vector<ChannelStatus> list() const = 0;
		/// Every running channel.

	virtual bool status(Poco::Int64 streamId, ChannelStatus& status) const = 0;
		/// streamId's status; false when it does not run.

	virtual void start(Poco::Int64 streamId, const std::string& requestedBy) = 0;
		/// Pins streamId: it runs until stop(), across restarts. requestedBy
		/// names who asked, for the log ("admin").

	virtual bool stop(Poco::Int64 streamId, const std::string& requestedBy) = 0;
		/// Removes the pin (and, for the program's channel, ends the
		/// program); the channel stops at once unless something else holds
		/// it. False when it did not run.

	virtual std::unique_ptr<ChannelLease> acquire(Poco::Int64 streamId, const std::string& holder) = 0;
		/// Holds streamId running, starting it if needed, for as long as the
		/// lease lives. holder names the holder for the status and the log
		/// ("output-ts viewer 192.168.1.20").

	virtual int capacity() const = 0;
		/// How many channels may run at once: live.maxChannels, or the
		/// account's max_connections when the provider reports fewer. What a
		/// tuner announces as its tuner count.

	virtual Poco::Int64 program() const = 0;
		/// The program's channel, 0 when there is none.

	virtual void setProgram(Poco::Int64 streamId, const std::string& requestedBy) = 0;
		/// Puts streamId on air (starting it if needed; the previous
		/// program channel is released first, so a switch never needs two
		/// connections when the old one has no other holder). 0 ends the
		/// program: its playlists end (EXT-X-ENDLIST) and then disappear.

	virtual std::unique_ptr<Subscription> subscribe(std::function<void(const ChannelEvent&)> callback) = 0;
		/// Calls callback for every change from now on, in order, on a host
		/// thread, never under a host lock. The callback must not block for
		/// long and must not throw (what it throws is logged and dropped).
};

} // namespace restream

#endif // restream_Channels_INCLUDED
