//
// TsDirectory.h
//
// The channels output-ts serves and the viewers waiting for them.
//

#ifndef outputts_TsDirectory_INCLUDED
#define outputts_TsDirectory_INCLUDED

#include "TsChannel.h"
#include "TsViewer.h"
#include "restream/Channels.h"
#include <Poco/Timespan.h>
#include <Poco/Types.h>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace Poco {
class Logger;
}

namespace outputts {

class TsDirectory
	/// The running sinks' channels by stream id (0: the program), and the
	/// viewers that came before their channel had a join point: a viewer
	/// of a channel that is starting waits (its request unanswered) until
	/// the first keyframe, then is served from there. A waiting viewer is
	/// answered 503 with Retry-After when its channel is not playable
	/// within startWait (with the channel's error when it has one) or its
	/// lease is taken; 404 when the program it waits for has ended.
	/// Shared by the output, its sinks, the routes and the plugin's timer.
	///
	/// Threads: any method from any thread. One lock, taken before a
	/// channel's own and never while calling the host; leases are released
	/// and refusals sent outside it.
{
public:
	TsDirectory(restream::Channels& channels, std::size_t ringCapacity, Poco::Timespan startWait, Poco::Logger& logger);
		/// channels and logger must outlive the directory.

	std::shared_ptr<TsChannel> open(Poco::Int64 streamId);
		/// A new channel for a sink of streamId, which viewers are served
		/// from from now on (a previous one of the same id ends).

	void close(const std::shared_ptr<TsChannel>& channel);
		/// Its sink ended: its viewers' answers end, and it is no longer
		/// served. Does not throw.

	void adopt(const std::shared_ptr<TsChannel>& channel);
		/// The channel has a new join point: the viewers waiting for it are
		/// served. Does not throw.

	void serve(std::unique_ptr<TsViewer> viewer);
		/// Serves viewer from its channel at once when it is playable, else
		/// keeps it waiting (see above).

	bool serving(Poco::Int64 streamId) const;
		/// True while a sink of streamId runs.

	void sweep();
		/// Drops the viewers that left or lost their lease, answers the
		/// waiting viewers whose wait is over. Called periodically.

	void closeAll();
		/// The plugin stops: every viewer's answer ends (a waiting one gets
		/// 503), every lease is released; later viewers get 503.

private:
	struct Expired
	{
		std::unique_ptr<TsViewer> viewer;
		enum class Why
		{
			Left,
			LeaseLost,
			TimedOut,
			NoProgram,
			Stopping
		} why;
	};

	void attachLocked(const std::shared_ptr<TsChannel>& channel, std::vector<std::unique_ptr<TsViewer>>& waiting,
		std::vector<std::unique_ptr<TsViewer>>& gone);
		/// Attaches the waiting viewers it can; leaves the others in waiting.
	void answer(Expired& expired);
		/// Answers a waiting viewer whose wait is over. Without the lock.

	restream::Channels& _channels;
	const std::size_t _ringCapacity;
	const Poco::Timespan _startWait;
	Poco::Logger& _logger;
	mutable std::mutex _mutex;
	std::map<Poco::Int64, std::shared_ptr<TsChannel>> _served;
	std::map<Poco::Int64, std::vector<std::unique_ptr<TsViewer>>> _waiting;
	bool _closed = false;
};

} // namespace outputts

#endif // outputts_TsDirectory_INCLUDED
