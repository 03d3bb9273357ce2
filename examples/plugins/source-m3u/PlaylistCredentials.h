//
// PlaylistCredentials.h
//
// The user name and password a playlist URL carries.
//

#ifndef m3usource_PlaylistCredentials_INCLUDED
#define m3usource_PlaylistCredentials_INCLUDED

#include <string>
#include <vector>

namespace m3usource {

class PlaylistCredentials
	/// The secrets of a playlist location, to keep them out of what the
	/// source shows (a tvg-logo ends in the admin's <img>, in favourites
	/// files and in output-m3u's public /playlist.m3u). Taken from an http(s)
	/// URL's user information ("user:pass@"), its query parameters username
	/// and password, and the Xtream path segments /live/<user>/<pass>/; a
	/// file path carries none. As the host's redaction, a value shorter than
	/// 3 characters is not kept: it would match ordinary text.
	///
	/// Threads: immutable after construction; share it freely.
{
public:
	explicit PlaylistCredentials(const std::string& location);
		/// location as PlaylistLoader takes it. Never throws: a URL that does
		/// not parse carries no credentials this class can find.

	bool appearIn(const std::string& text) const;
		/// Whether text contains one of the secrets, as is or once
		/// percent-decoded.

	const std::vector<std::string>& secrets() const;
		/// The secrets found, each as written in the location and
		/// percent-decoded (for PluginContext::addSecret).

private:
	void keep(const std::string& secret);

	std::vector<std::string> _secrets;
};

} // namespace m3usource

#endif // m3usource_PlaylistCredentials_INCLUDED
