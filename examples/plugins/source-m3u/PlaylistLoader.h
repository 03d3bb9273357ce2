//
// PlaylistLoader.h
//
// Reads the text of an M3U playlist from an http(s) URL or a local file.
//

#ifndef m3usource_PlaylistLoader_INCLUDED
#define m3usource_PlaylistLoader_INCLUDED

#include <Poco/Net/Context.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>
#include <string>

namespace m3usource {

class PlaylistLoader
	/// Fetches a playlist. location is an http or https URL (it may carry
	/// credentials, as a provider's get.php?username=...&password=... does)
	/// or a local file path. Neither the URL nor the path is ever put in a
	/// message: describe() names the server or the file name only.
	///
	/// HTTP: GET with the given User-Agent, at most 3 redirects (to http or
	/// https only, never from https down to http), each connect and read
	/// bounded by timeout, at most 64 MB. A playlist is whole or refused:
	/// a read that fails midway, or a body shorter than its Content-Length,
	/// throws rather than giving the part read.
	///
	/// Threads: load() may be called from several threads at once.
	/// Errors: load() throws restream::SourceException: Unreachable
	/// (connection, DNS, TLS, a missing file, a read failing midway),
	/// Timeout (also midway), BadCredentials (HTTP 401/403), ProviderError
	/// (another HTTP status, too large, cut short, a redirect from https to
	/// http).
{
public:
	PlaylistLoader(const std::string& location, Poco::Timespan timeout, const std::string& userAgent,
		Poco::Net::Context::Ptr tlsContext);
		/// Throws Poco::InvalidArgumentException when location is a URL of
		/// another scheme than http(s) or has no host.

	std::string load() const;
		/// The playlist's text.

	const std::string& describe() const;
		/// "https://example.org:8080" or "file playlist.m3u": safe to log.

private:
	std::string fetch() const;
	std::string readFile() const;

	const std::string _location;
	const bool _remote;
	const Poco::Timespan _timeout;
	const std::string _userAgent;
	const Poco::Net::Context::Ptr _tlsContext;
	std::string _description;
};

} // namespace m3usource

#endif // m3usource_PlaylistLoader_INCLUDED
