//
// ChannelDirectory.h
//
// The playlists of output-hls, as the routes find them.
//

#ifndef outputhls_ChannelDirectory_INCLUDED
#define outputhls_ChannelDirectory_INCLUDED

#include "ContinuityStore.h"
#include "HlsChannel.h"
#include "HlsSettings.h"
#include <Poco/Types.h>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace outputhls {

class ChannelDirectory
	/// Every HlsChannel the routes may serve: one per running sink, and the
	/// ended ones for endedGrace (their playlists say EXT-X-ENDLIST); the
	/// program is stream id 0. For each playlist that ever had a sink it
	/// remembers where the next one carries on (a few numbers per channel of
	/// the catalog, nothing that grows with time), and the ContinuityStore
	/// keeps that across restarts.
	/// Shared by the output, its sinks and the routes.
	///
	/// Threads: any method from any thread; one short lock, taken before a
	/// channel's own lock, never after.
{
public:
	explicit ChannelDirectory(const HlsSettings& settings);

	static constexpr Poco::UInt64 FIRST_SEQUENCE = 1;
		/// The number of a new playlist's first segment. Not 0: hls.js (1.6)
		/// asks for blocking reloads only once the last segment's number is
		/// non-zero (`details.endSN &&`), so a playlist starting at 0 is
		/// polled, not blocked on, until its second segment, and the player
		/// stalled 1 s after its first frame (browser.latency).

	std::shared_ptr<HlsChannel> open(Poco::Int64 streamId);
		/// A new channel (0: the program) with a fresh random token, carrying
		/// on from the playlist's earlier sinks (in this process or before a
		/// restart), listed until it has ended for endedGrace; a playlist's
		/// first channel numbers its segments from FIRST_SEQUENCE.
		/// Errors: Poco::Exception if no random token can be made.

	void end(const std::shared_ptr<HlsChannel>& channel);
		/// The sink ended: its playlist says ENDLIST until it expires, and the
		/// playlist's next sink carries on from it. Does not throw.

	std::shared_ptr<HlsChannel> find(Poco::Int64 streamId);
		/// The newest running channel of streamId, else its newest ended one
		/// within endedGrace, or null. Drops the channels that expired.

	std::shared_ptr<HlsChannel> find(Poco::Int64 streamId, const std::string& token);
		/// The listed channel of streamId named token, or null.

private:
	static std::string newToken();
		/// HlsPaths::TOKEN_LENGTH hex digits from Poco's CSPRNG.
	static std::string keyOf(Poco::Int64 streamId);
	void pruneLocked(std::vector<std::shared_ptr<HlsChannel>>& expired);
	void rememberLocked(const HlsChannel& channel);

	const HlsSettings _settings;
	const std::shared_ptr<ContinuityStore> _store;
	mutable std::mutex _mutex;
	std::vector<std::shared_ptr<HlsChannel>> _channels;  // oldest first
	std::map<Poco::Int64, HlsChannel::Continuity> _continuity;
};

} // namespace outputhls

#endif // outputhls_ChannelDirectory_INCLUDED
