//
// ChannelDirectory.h
//
// The live channels of output-hls, as the routes find them.
//

#ifndef restream_hls_ChannelDirectory_INCLUDED
#define restream_hls_ChannelDirectory_INCLUDED

#include "HlsChannel.h"
#include "HlsSettings.h"
#include "restream/ChannelInfo.h"
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace restream {
namespace hls {

class ChannelDirectory
	/// Every open HlsChannel (one per live sink), the primary stream id, and
	/// for each stream id that ever had a sink where the next one carries on
	/// (a few numbers per channel of the catalog, nothing that grows with time).
	/// Shared by the output, its sinks and the routes.
	///
	/// Threads: any method from any thread; one short lock, taken before a
	/// channel's own lock, never after.
{
public:
	explicit ChannelDirectory(const HlsSettings& settings);

	std::shared_ptr<HlsChannel> open(const ChannelInfo& info);
		/// A new channel with a fresh random token, carrying on from the
		/// stream's earlier sinks, and listed until close().
		/// Errors: Poco::Exception if no random token can be made.

	void close(const std::shared_ptr<HlsChannel>& channel);
		/// Closes channel (see HlsChannel::close()), unlists it and remembers
		/// where the stream's next sink carries on. Does not throw.

	std::shared_ptr<HlsChannel> find(Poco::Int64 streamId) const;
		/// The newest open channel of streamId, or null.

	std::shared_ptr<HlsChannel> find(Poco::Int64 streamId, const std::string& token) const;
		/// The open channel of streamId named token, or null.

	std::shared_ptr<HlsChannel> primary() const;
		/// The newest open channel of the primary stream, or null.

	void setPrimary(Poco::Int64 streamId);
		/// 0 for none.

private:
	static std::string newToken();
		/// HlsPaths::TOKEN_LENGTH hex digits from Poco's CSPRNG.

	const HlsSettings _settings;
	mutable std::mutex _mutex;
	std::vector<std::shared_ptr<HlsChannel>> _channels;  // oldest first
	std::map<Poco::Int64, HlsChannel::Continuity> _continuity;
	Poco::Int64 _primary = 0;
};

} // namespace hls
} // namespace restream

#endif // restream_hls_ChannelDirectory_INCLUDED
