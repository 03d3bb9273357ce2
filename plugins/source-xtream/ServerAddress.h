//
// ServerAddress.h
//
// The base address of a panel, normalised from what users paste.
//

#ifndef sourcextream_ServerAddress_INCLUDED
#define sourcextream_ServerAddress_INCLUDED

#include <Poco/Types.h>
#include <Poco/URI.h>
#include <string>
#include <vector>

namespace sourcextream {

class ServerAddress
	/// Where a panel lives: scheme (http or https), host, port and, rarely,
	/// a base path (a panel behind a reverse proxy at /iptv). Users paste the
	/// server in many forms; all of these give http://host:8080:
	///   host:8080  http://host:8080/  http://host:8080/player_api.php
	///   http://host:8080/get.php?username=U&password=P&type=m3u_plus
	///   http://host:8080/c/  http://host:8080/live/U/P/101.ts
	///   http://host:8080/U/P/101  http://U:P@host:8080
	/// A path is cut at its first known endpoint: a *.php file, Stalker's
	/// c/ and stalker_portal/, a live/, movie/, series/ or timeshift/ stream
	/// path, and a trailing short stream path NAME/NAME/ID[.ext]. Query,
	/// fragment and user information are dropped. What is left of the path
	/// is the base path.
	///
	/// A value type.
{
public:
	explicit ServerAddress(const std::string& text);
		/// Normalises text. Throws Poco::InvalidArgumentException with a
		/// message that says what is wrong without quoting text (it may carry
		/// credentials): empty, not a URL, a scheme other than http and https,
		/// no host.

	const std::string& scheme() const;
		/// "http" or "https".

	const std::string& host() const;
		/// The host name or address, without brackets.

	Poco::UInt16 port() const;
		/// The port, the scheme's default when none was given.

	const std::string& basePath() const;
		/// "" or a path without a trailing slash, e.g. "/iptv".

	std::string authority() const;
		/// "host:port" ("[::1]:8080" for IPv6), for messages.

	std::string baseUrl() const;
		/// "scheme://host[:port][/base]" without a trailing slash; the port
		/// only when it is not the scheme's default.

	Poco::URI endpoint(const std::string& file) const;
		/// The URL of a file under the base, e.g. endpoint("player_api.php").

private:
	static bool isEndpoint(const std::string& segment);
	static bool isShortStreamPath(const std::vector<std::string>& segments, std::size_t from);

	std::string _scheme;
	std::string _host;
	Poco::UInt16 _port = 0;
	std::string _basePath;
};

} // namespace sourcextream

#endif // sourcextream_ServerAddress_INCLUDED
