//
// PlaybackUrls.h
//
// Absolute URLs of the program and the channels, in every registered form.
//

#ifndef restream_PlaybackUrls_INCLUDED
#define restream_PlaybackUrls_INCLUDED

#include "restream/RouteRequest.h"
#include "restream/Version.h"
#include <Poco/Types.h>
#include <string>
#include <vector>

namespace restream {

struct PlaybackUrl
	/// One playable URL. A value type.
{
	std::string format;    /// the form's format ("hls", "ts", ...)
	std::string url;       /// absolute
	std::string mediaType;
};

class RESTREAM_API PlaybackUrls
	/// The host's view of the registered PlaybackForm services and of its
	/// ports' public addresses. Reached through PluginContext::playbackUrls().
	///
	/// A port's public URL is public.<port>Url when set (public.apiUrl,
	/// public.playerUrl, public.adminUrl, public.tunerUrl), else the
	/// request's scheme and host name with the port's configured number
	/// (http.<port>.port): one place says each port, so changing
	/// http.api.port moves every URL that names the API.
	///
	/// Threads: any. Errors: none.
{
public:
	virtual ~PlaybackUrls() = default;

	virtual std::string portUrl(const std::string& port, const RouteRequest& request) const = 0;
		/// The public base URL of port, without a trailing slash, as seen
		/// by the client of request: public.<port>Url when set; else
		/// http:// and the request's host name with, for the port the
		/// request came to, the port its Host header names (a published
		/// Docker port), and for another port its configured number.

	virtual std::string localUrl(const std::string& port) const = 0;
		/// The URL at which this process serves port from the machine
		/// itself ("http://127.0.0.1:8002", the bound port number even when
		/// configured 0), empty when this process does not serve it.

	virtual std::vector<PlaybackUrl> program(const RouteRequest& request) const = 0;
		/// The program's URLs, one per form that serves it.

	virtual std::vector<PlaybackUrl> channel(Poco::Int64 streamId, const RouteRequest& request) const = 0;
		/// streamId's URLs, one per form that serves single channels.
};

} // namespace restream

#endif // restream_PlaybackUrls_INCLUDED
