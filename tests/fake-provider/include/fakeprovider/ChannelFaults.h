//
// ChannelFaults.h
//
// Library: fakeprovider
//
// The fault switches of the stream URLs.
//


#ifndef FakeProvider_ChannelFaults_INCLUDED
#define FakeProvider_ChannelFaults_INCLUDED


#include "Poco/Timespan.h"


namespace fakeprovider {


struct ChannelFaults
	/// Fault switches for the stream URLs of one channel, or of all channels (the global set).
	/// A value equal to its default means "not set". For each field, a channel's own value wins
	/// when set, otherwise the global value applies (see FakeProvider::effectiveFaults()).
{
	Poco::Timespan dropAfter;
		/// > 0: the server closes each stream connection after this much streaming time.
		/// Applies to connections already open.

	bool stall = false;
		/// true: connections stay open but receive no data (what the encoder produces meanwhile is
		/// discarded, as from a stalled source); clearing it resumes sending at the live point.

	int status = 0;
		/// 300-599: stream requests (after the credentials check) answer this HTTP status.

	bool garbage = false;
		/// true: stream requests answer 200 video/mp2t with random bytes that are not MPEG-TS.

	int redirects = 0;
		/// > 0: a stream request answers 302 to /lb/TOKEN/ID.ts, which redirects again until
		/// this many redirects were made, then streams.

	bool redirectLoop = false;
		/// true: stream requests and /lb/ URLs redirect to a new /lb/ URL forever.

	bool operator == (const ChannelFaults& other) const;
};


} // namespace fakeprovider


#endif // FakeProvider_ChannelFaults_INCLUDED
