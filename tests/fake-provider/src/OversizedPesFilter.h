//
// OversizedPesFilter.h
//
// Library: fakeprovider
//
// The oversized-PES fault of one stream connection.
//


#ifndef FakeProvider_OversizedPesFilter_INCLUDED
#define FakeProvider_OversizedPesFilter_INCLUDED


#include "Poco/Types.h"
#include <chrono>
#include <string>


namespace fakeprovider {


class OversizedPesFilter
	/// Rewrites one connection's MPEG-TS for ChannelFaults::oversizedPes. Once armed, the encoder's
	/// video packets are replaced, from its next video PES start, by one PES that never ends: a
	/// header announcing an unbounded length (0) with the replaced PES's PTS, an access unit
	/// delimiter, then one H.264 filler NAL unit of 0xFF bytes, growing at the given bit rate, with
	/// continuity counters that follow the encoder's. Audio and tables pass untouched; the PCRs of
	/// the replaced packets go on in the injected ones. Once disarmed, the encoder's video comes
	/// back at its next PES start (which ends the giant PES).
	/// Not thread-safe: used by one connection's thread.
{
public:
	using Clock = std::chrono::steady_clock;

	std::string filter(const std::string& chunk, bool armed, Poco::Int64 bitRate, Clock::time_point now);
		/// Returns what to send instead of chunk (whole TS packets). bitRate (bit/s) paces the
		/// giant PES's payload, caught up at every call (at most one second's worth at once).

	bool busy() const;
		/// The giant PES is running, or the encoder's video is not back yet: every chunk must go
		/// through filter(), armed or not.

private:
	void inject(std::string& out, bool payloadStart, const char* pPcr, const char* pPts);
		/// Appends one packet of the giant PES.

	bool _injecting = false;
	bool _resuming = false;    /// disarmed: the encoder's video is dropped until its next PES start
	int _continuity = 15;      /// last continuity counter on the video PID
	Clock::time_point _paced;  /// origin of the pacing: _payloadBytes is the payload injected since
	Poco::Int64 _payloadBytes = 0;
};


} // namespace fakeprovider


#endif // FakeProvider_OversizedPesFilter_INCLUDED
