//
// LogoCache.h
//

#ifndef restream_host_LogoCache_INCLUDED
#define restream_host_LogoCache_INCLUDED

#include <Poco/Clock.h>
#include <Poco/Net/Context.h>
#include <Poco/Timespan.h>
#include <Poco/Util/Timer.h>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace Poco {
class Logger;
class URI;
} // namespace Poco

namespace restream::host {

class LogoCache
	/// Channel logos fetched by the host, so that the admin's browser never
	/// fetches a URL a provider chose (an address on the admin's network, a
	/// tracker). A logo URL is fetched only when it is http or https and its
	/// host is the provider's (compared without case) or one of the extra
	/// hosts (catalog.logoHosts); the answer must be 200 (no redirect is
	/// followed), come whole within the deadline, hold at most maxImageSize
	/// bytes and be a PNG, JPEG, GIF or WebP image by its first bytes (never
	/// SVG; the Content-Type answered is not believed): that signature gives
	/// the media type the image is served with.
	///
	/// Images are kept in memory for imageLifetime and failures for
	/// failureLifetime (a broken logo is not fetched again for every page
	/// view), within maxCachedBytes of images and maxEntries entries, the
	/// least recently used dropped first. A URL is fetched once at a time:
	/// concurrent callers wait for that fetch. Log lines name a URL's host
	/// only (a query may carry a token).
	///
	/// Deadline: connecting (and a TLS handshake) is bounded by the deadline
	/// step by step; from the request on, the whole answer is bounded by
	/// what remains of it: a timer shuts the socket down when it passes, so a
	/// server that trickles bytes cannot hold a caller.
	///
	/// Threads: image() from any thread, concurrently. The cache owns one
	/// timer thread, joined by the destructor. Errors: none thrown; a logo
	/// that cannot be had is an answer (false). The logger must outlive the
	/// cache.
{
public:
	struct Limits
	{
		Poco::Timespan deadline = Poco::Timespan(5, 0);                   /// a whole fetch
		std::size_t maxImageSize = 256 * 1024;                            /// bytes of one image
		std::size_t maxCachedBytes = 8 * 1024 * 1024;                     /// bytes of all images kept
		std::size_t maxEntries = 2000;                                    /// images and failures kept
		Poco::Timespan imageLifetime = Poco::Timespan(1, 0, 0, 0, 0);     /// how long an image is kept
		Poco::Timespan failureLifetime = Poco::Timespan(0, 0, 10, 0, 0);  /// how long a failure is remembered
	};

	struct Image
	{
		std::string mediaType;                     /// image/png, image/jpeg, image/gif or image/webp
		std::shared_ptr<const std::string> bytes;  /// shared with the cache, never copied
	};

	using HostLookup = std::function<std::string()>;
		/// Gives the provider's host name for a logo (empty when unknown).

	LogoCache(const std::vector<std::string>& extraHosts, const Limits& limits, Poco::Logger& logger);
		/// extraHosts are host names, compared without case.

	bool image(const std::string& url, const HostLookup& providerHost, Image& image);
		/// Sets image to url's image, from the cache or fetched now (blocks
		/// for at most the deadline, plus the wait for a fetch of the same
		/// URL under way). providerHost is asked only when url is not cached.
		/// False when url may not be fetched (not remembered: whether it may
		/// depends on the channel's provider) or gave no image within the
		/// limits (remembered for failureLifetime).

	static std::string mediaType(const std::string& bytes);
		/// The media type of a PNG, JPEG, GIF or WebP image by its
		/// signature; empty for anything else (SVG, HTML, text).

private:
	struct Entry
	{
		bool pending = true;                       /// being fetched: wait for it
		Image image;                               /// null bytes: a failure
		Poco::Clock expires;
		std::list<std::string>::iterator recency;  /// its place in _recency, once settled
	};
	using Entries = std::unordered_map<std::string, Entry>;

	bool cached(const std::string& url, std::unique_lock<std::mutex>& lock, Image& image);
		/// True with image set (null bytes for a remembered failure) when url
		/// has a live entry, after waiting for a fetch under way.
	bool mayFetch(const Poco::URI& uri, const HostLookup& providerHost) const;
	Image fetch(const Poco::URI& uri);
		/// Throws a Poco::Exception saying why there is no image (it names
		/// no URL).
	void settle(const std::string& url, const Image& image);
	void forget(Entries::iterator entry);
	Poco::Net::Context::Ptr tls();

	const std::set<std::string> _extraHosts;  /// lower case
	const Limits _limits;
	Poco::Logger& _logger;
	Poco::Util::Timer _deadlines;
	std::once_flag _tlsOnce;
	Poco::Net::Context::Ptr _tls;
	std::mutex _mutex;
	std::condition_variable _settled;
	Entries _entries;
	std::list<std::string> _recency;  /// settled entries, most recently used first
	std::size_t _cachedBytes = 0;
};

} // namespace restream::host

#endif // restream_host_LogoCache_INCLUDED
