//
// ProviderStats.h
//
// Library: fakeprovider
//
// A snapshot of the fake provider's counters.
//


#ifndef FakeProvider_ProviderStats_INCLUDED
#define FakeProvider_ProviderStats_INCLUDED


#include "Poco/Types.h"
#include <map>


namespace fakeprovider {


struct ProviderStats
	/// A copy of the counters at one instant (FakeProvider::stats(), GET /_stats).
{
	struct Channel
		/// Counters of one channel; present once the channel was streamed or refused.
	{
		int open = 0;                         /// connections currently streaming this channel (an HLS viewer counts as one)
		Poco::UInt64 total = 0;               /// stream connections ever accepted (200 sent; HLS: viewers started)
		bool encoding = false;                /// its encoder is running (clients, or lingering after the last one)
		Poco::UInt64 encoderStarts = 0;       /// how many times its encoder was started
		Poco::UInt64 hlsPlaylistRequests = 0; /// requests of its .m3u8 playlist, whatever the answer
		Poco::UInt64 hlsSegmentRequests = 0;  /// requests of its /hls/TOKEN/N.ts segments
	};

	std::map<int, Channel> channels;     /// by stream id
	Poco::UInt64 playerApiRequests = 0;  /// requests of /player_api.php, whatever the answer
	Poco::UInt64 streamRequests = 0;     /// requests of stream URLs (/live/U/P/ID.ts, /U/P/ID), not /lb/ hops;
	                                     /// HLS playlist requests that start a viewer
	Poco::UInt64 streamRefused = 0;      /// stream requests refused with 403 by the connection limit
	Poco::UInt64 streamErrors = 0;       /// other non-200 stream answers (401, 403, 404, fault status), not 302
	Poco::UInt64 redirectHops = 0;       /// requests of /lb/TOKEN/ID.ts URLs
	Poco::UInt64 slowClientsDropped = 0; /// stream connections closed because the client fell too far behind
	Poco::UInt64 xmltvRequests = 0;      /// requests of /xmltv.php, whatever the answer
	Poco::UInt64 logoRequests = 0;       /// requests of /logos/..., whatever the answer
	int activeConnections = 0;           /// account slots in use (open streams + slots not yet released)
};


} // namespace fakeprovider


#endif // FakeProvider_ProviderStats_INCLUDED
