//
// TsChannel.h
//
// One sink's MPEG-TS and the viewers that read it.
//

#ifndef outputts_TsChannel_INCLUDED
#define outputts_TsChannel_INCLUDED

#include "TsRing.h"
#include "TsViewer.h"
#include <Poco/Types.h>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace Poco {
class Logger;
}

namespace outputts {

class TsChannel
	/// The published side of one sink (a channel's, or the program's): the
	/// ring its muxer fills and the viewers it fans out to. One muxer, N
	/// viewers: each new chunk is queued on every viewer's connection as the
	/// same shared string.
	///
	/// A viewer attached starts at the ring's newest join point (PAT, PMT,
	/// keyframe) and is sent everything from there at once, then every chunk
	/// as it comes. A viewer is dropped (its response ended, its lease
	/// released) when its connection refuses a chunk (the client left, or
	/// fell more than the port's stream backlog behind: the host cuts it
	/// without slowing the others), when it fell a whole ring behind, when
	/// its lease was taken by the admin, and when the sink ends.
	///
	/// Threads: any method from any thread; one lock, held while chunks are
	/// queued on connections (which never blocks); leases are released
	/// outside it.
{
public:
	enum class Attach
	{
		Attached, /// the viewer is served
		NotReady, /// no join point yet: the viewer is handed back
		Gone      /// the client left (or the channel ended): the viewer is handed back
	};

	TsChannel(Poco::Int64 streamId, std::size_t ringCapacity, Poco::Logger& logger);
		/// logger must outlive the channel.

	Poco::Int64 streamId() const;

	void publish(TsRing::Chunk chunk, bool joinPoint);
		/// Adds chunk to the ring and queues it on every viewer. Ignored once ended.

	Attach attach(std::unique_ptr<TsViewer>& viewer);
		/// Starts viewer's answer (200 video/mp2t) and sends it the ring from
		/// the newest join point; takes viewer when Attached, else leaves it
		/// with the caller.

	std::vector<std::unique_ptr<TsViewer>> sweep();
		/// Drops the viewers whose client left or whose lease is no longer
		/// active (their answer ends), and returns them for the caller to
		/// destroy outside any lock.

	std::vector<std::unique_ptr<TsViewer>> end();
		/// The sink ended: every answer ends, the viewers are returned, and
		/// nothing is published or attached from now on. Idempotent.

	bool playable() const;
		/// True while the channel runs and its ring holds a join point.

	int viewers() const;
	Poco::UInt64 bytesServed() const;

private:
	bool deliver(TsViewer& viewer);
		/// Queues what viewer has not had yet; false when it must go. With _mutex held.

	const Poco::Int64 _streamId;
	Poco::Logger& _logger;
	mutable std::mutex _mutex;
	TsRing _ring;
	std::vector<std::unique_ptr<TsViewer>> _viewers;
	bool _ended = false;
	std::atomic<int> _viewerCount{0};
	std::atomic<Poco::UInt64> _bytesServed{0};
};

} // namespace outputts

#endif // outputts_TsChannel_INCLUDED
