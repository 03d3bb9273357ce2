//
// ChannelStatus.h
//
// What the host tells of one running channel.
//

#ifndef restream_ChannelStatus_INCLUDED
#define restream_ChannelStatus_INCLUDED

#include "restream/ChannelInfo.h"
#include <Poco/Timestamp.h>
#include <Poco/Types.h>
#include <string>
#include <vector>

namespace restream {

struct ChannelStatus
	/// A running channel at one moment. A value type.
{
	enum class State
	{
		Starting,     /// opening its upstream, or open and not yet playable
		Live,         /// playable from the outputs
		Reconnecting, /// the upstream failed; it is being opened again
		Error,        /// repeated failures; retried with a capped backoff
		Stopped       /// not running (only in events)
	};

	ChannelInfo channel;
	State state = State::Starting;

	std::string error;
		/// The last failure as a sentence for a human (English), empty when none.

	std::string errorCode;
		/// The same as a stable machine code (see ChannelErrors), empty when none.

	Poco::Timestamp startedAt;
	int reconnects = 0;
	bool hasPackets = false;        /// lastPacketAt is meaningful
	Poco::Timestamp lastPacketAt;   /// when the last packet reached the outputs
	double bitrateKbps = 0;         /// upstream, over the last 10 s
	int viewers = 0;                /// summed over the outputs
	Poco::UInt64 bytesServed = 0;   /// summed over the outputs

	bool pinned = false;
		/// Started by the admin: never stopped for want of viewers.

	bool onAir = false;
		/// The program's channel (served at /live.m3u8).

	std::vector<std::string> holders;
		/// Who holds it running besides a pin: one entry per lease
		/// ("output-ts viewer 192.168.1.20", "program").

	static const char* describe(State state)
		/// "starting", "live", "reconnecting", "error", "idle".
	{
		switch (state)
		{
		case State::Starting: return "starting";
		case State::Live: return "live";
		case State::Reconnecting: return "reconnecting";
		case State::Error: return "error";
		case State::Stopped: return "idle";
		}
		return "idle";
	}
};

} // namespace restream

#endif // restream_ChannelStatus_INCLUDED
