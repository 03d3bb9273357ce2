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

	int bitRateMbps = 0;
		/// 1-1000: the channel's encoder pads every video frame with H.264 filler data (NAL units of
		/// type 12 inside the frame's PES) up to this many Mbit/s of video: valid MPEG-TS, valid
		/// H.264, decodable. Also the rate of oversizedPes. Applies from the encoder's next frame.

	bool oversizedPes = false;
		/// true: each TS stream connection, after FakeProvider::OVERSIZED_PES_AFTER_MS of normal stream,
		/// starts a video PES (length 0, "unbounded") that never ends: filler bytes without a new PES
		/// start, at bitRateMbps (40 Mbit/s if unset), audio, PAT/PMT and PCR going on around it.
		/// Clearing it ends that PES at the encoder's next video PES. Not applied to HLS.

	bool hlsLoop = false;
		/// true: the channel's HLS playlist stops advancing: every request gets the playlist of the
		/// moment the switch was seen (same media sequence, same segments, still served), without
		/// EXT-X-ENDLIST. Clearing it lets the playlist move on to the live edge.

	bool operator == (const ChannelFaults& other) const;
};


} // namespace fakeprovider


#endif // FakeProvider_ChannelFaults_INCLUDED
