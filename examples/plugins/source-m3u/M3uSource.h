//
// M3uSource.h
//
// The Source service of source-m3u.
//

#ifndef m3usource_M3uSource_INCLUDED
#define m3usource_M3uSource_INCLUDED

#include "M3uPlaylist.h"
#include "PlaylistCredentials.h"
#include "PlaylistLoader.h"
#include "restream/Source.h"
#include <Poco/Mutex.h>
#include <Poco/Timestamp.h>
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace m3usource {

class M3uSource : public restream::Source
	/// The channels of an M3U playlist as a restream catalog.
	///
	/// The playlist is loaded when the host asks for categories() or
	/// channels() (the host caches the catalog itself; one load serves both
	/// calls of a refresh), and resolve() uses the last playlist loaded.
	/// resolve() gives the entry's URL with the format setting's demuxer:
	/// "auto" picks hls for a URL path ending in .m3u8 or .m3u, else mpegts.
	/// A channel's number is its tvg-chno (the host keeps the numbers only
	/// when every channel has a distinct one, else numbers by position). A
	/// tvg-logo carrying the playlist URL's user name or password (see
	/// PlaylistCredentials) is dropped: the channel goes without an icon.
	///
	/// Threads: every method may be called from any thread, concurrently.
	/// Errors: restream::SourceException only (see PlaylistLoader), never
	/// with a URL of the playlist in its message.
{
public:
	M3uSource(std::unique_ptr<PlaylistLoader> loader, const PlaylistCredentials& credentials, const std::string& format,
		const std::string& userAgent, Poco::Logger& logger);
		/// credentials are those of loader's location. format is "auto",
		/// "mpegts" or "hls". logger must outlive the source (the plugin's,
		/// which redacts).

	std::string displayName() const override;
	std::vector<restream::SourceCategory> categories() override;
	std::vector<restream::SourceChannel> channels() override;
	restream::SourceAccount account() override;
	restream::SourceInput resolve(Poco::Int64 streamId) override;

private:
	std::shared_ptr<const M3uPlaylist> playlist(bool fresh);
		/// The playlist: loaded now if fresh and the last load is older than
		/// a few seconds, or if none was loaded yet.

	std::string formatOf(const std::string& url) const;

	const std::unique_ptr<PlaylistLoader> _loader;
	const PlaylistCredentials _credentials;
	const std::string _format;
	const std::string _userAgent;
	Poco::Logger& _logger;
	Poco::FastMutex _loadMutex; /// one load at a time
	mutable Poco::FastMutex _mutex; /// guards the two fields below
	std::shared_ptr<const M3uPlaylist> _playlist;
	Poco::Timestamp _loadedAt;
};

} // namespace m3usource

#endif // m3usource_M3uSource_INCLUDED
