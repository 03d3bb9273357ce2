//
// TsViewer.h
//
// One HTTP client of a channel's MPEG-TS.
//

#ifndef outputts_TsViewer_INCLUDED
#define outputts_TsViewer_INCLUDED

#include "restream/ChannelLease.h"
#include "restream/RouteResponse.h"
#include <Poco/Timestamp.h>
#include <Poco/Types.h>
#include <memory>
#include <string>

namespace outputts {

struct TsViewer
	/// A viewer of /stream/<id>.ts or /live.ts: its unanswered (or
	/// streaming) response, the lease that keeps its channel running (none
	/// for the program) and its place in the channel's ring. Destroying it
	/// releases the lease. A value owned by one holder at a time: the
	/// directory while it waits for its channel, then the channel.
{
	Poco::Int64 streamId = 0;
		/// 0 for the program.

	std::shared_ptr<restream::RouteResponse> response;

	std::unique_ptr<restream::ChannelLease> lease;
		/// Null for the program.

	std::string clientAddress;
		/// For the log; never credentials.

	Poco::Timestamp arrived;
		/// When the request came: a viewer waits for its channel's first
		/// join point at most startWait from then.

	Poco::UInt64 cursor = 0;
		/// The number of the next ring chunk it gets.

	bool leaseLost() const
		/// True when the host took the channel from under its lease.
	{
		return lease && !lease->active();
	}
};

} // namespace outputts

#endif // outputts_TsViewer_INCLUDED
