//
// HlsViewers.h
//
// Library: fakeprovider
//
// The HLS viewers of one run of the server.
//


#ifndef FakeProvider_HlsViewers_INCLUDED
#define FakeProvider_HlsViewers_INCLUDED


#include "Catalog.h"
#include "HlsViewer.h"
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>


namespace fakeprovider {


class ChannelHub;
class ConnectionSlots;
class StatsRecorder;


class HlsViewers
	/// At most one viewer per channel (every poller of a channel's playlist shares it, the fake
	/// having one account seen from one address). A viewer starts with a playlist request that
	/// gets a connection slot, subscribes its segmenter to the channel's encoder, and ends two
	/// target durations after its last playlist or segment request (a reaper thread, started with
	/// the first viewer, checks every REAP_INTERVAL): its slot is then released (after the slot
	/// release delay, like a closed TS connection) and the encoder may linger and stop.
	/// Thread-safe. References the hub, the slots and the recorder, which must outlive it.
{
public:
	static const std::chrono::milliseconds REAP_INTERVAL;

	enum class Admission
	{
		JOINED,  /// the channel's viewer was running
		STARTED, /// a new viewer, with a slot
		REFUSED, /// no slot free
		STOPPED  /// the run is stopping
	};

	HlsViewers(ChannelHub& hub, ConnectionSlots& slots, StatsRecorder& stats);

	~HlsViewers();
		/// Calls stop().

	Admission admit(const Catalog::Channel& channel, std::shared_ptr<HlsViewer>& pViewer);
		/// The channel's viewer, started if needed; pViewer is set unless REFUSED or STOPPED.

	bool running(int channelId) const;
		/// The channel has a viewer.

	std::shared_ptr<HlsViewer> find(const std::string& token) const;
		/// The viewer of a segment URL's token, or nullptr.

	void endAll();
		/// Ends every viewer now (HLS turned off).

	void stop();
		/// Ends every viewer and joins the reaper; later admit() calls answer STOPPED.

private:
	void reap();
	void end(const std::shared_ptr<HlsViewer>& pViewer);
		/// Releases what a removed viewer held. Called without _mutex.

	ChannelHub& _hub;
	ConnectionSlots& _slots;
	StatsRecorder& _stats;
	mutable std::mutex _mutex;
	std::condition_variable _wakeUp;
	std::map<int, std::shared_ptr<HlsViewer>> _viewers; /// by channel id
	std::mt19937_64 _random;
	std::thread _reaper;
	bool _stopped = false;
};


} // namespace fakeprovider


#endif // FakeProvider_HlsViewers_INCLUDED
