//
// StatsRecorder.h
//
// Library: fakeprovider
//
// The counters behind /_stats and FakeProvider::stats().
//


#ifndef FakeProvider_StatsRecorder_INCLUDED
#define FakeProvider_StatsRecorder_INCLUDED


#include "fakeprovider/ProviderStats.h"
#include "Poco/Timestamp.h"
#include <deque>
#include <mutex>
#include <string>
#include <vector>


namespace fakeprovider {


class StatsRecorder
	/// Thread-safe counters. ProviderStats::activeConnections is not kept here (see ConnectionSlots).
{
public:
	static constexpr std::size_t MAX_REQUEST_TIMES = 100000;

	void playerApiRequest();
	void streamRequest();
		/// Counts a stream request and records its arrival time.
	void streamRefused();
	void streamError();
	void redirectHop();
	void slowClientDropped();
	void xmltvRequest();
	void logoRequest();
	void hlsPlaylistRequest(int channelId);
	void hlsSegmentRequest(int channelId);
	void streamOpened(int channelId);
	void streamClosed(int channelId);
	void encoderStarted(int channelId);
	void encoderStopped(int channelId);

	ProviderStats snapshot() const;
	std::vector<Poco::Timestamp> streamRequestTimes() const;
	void reset();
		/// Zeroes everything but the open connections and the running encoders.

	static std::string toJson(const ProviderStats& stats);
		/// The /_stats document.

private:
	mutable std::mutex _mutex;
	ProviderStats _stats;
	std::deque<Poco::Timestamp> _requestTimes;
};


} // namespace fakeprovider


#endif // FakeProvider_StatsRecorder_INCLUDED
