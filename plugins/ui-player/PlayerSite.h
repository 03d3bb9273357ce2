//
// PlayerSite.h
//
// What the player port answers: the page, in the viewer's language, and
// its embedded files, with the security headers.
//

#ifndef restream_player_PlayerSite_INCLUDED
#define restream_player_PlayerSite_INCLUDED

#include "PlayerSettings.h"
#include "restream/PageTemplate.h"
#include "restream/WebAssets.h"
#include <Poco/JSON/Object.h>
#include <map>
#include <string>

namespace Poco {
namespace Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Net
} // namespace Poco

namespace restream {
namespace player {

class PlayerSite
	/// Serves GET and HEAD of "/" (the page) and of the embedded files;
	/// anything else is 404 (405 for another method). URLs are matched
	/// exactly against the embedded table: nothing maps to a file.
	///
	/// The page carries a Content-Security-Policy that allows scripts,
	/// styles and images only from itself, and connections and media only
	/// from itself and the API's origin (plus blob: for media and workers,
	/// which hls.js needs); no inline script.
	///
	/// Threads: const after construction; handle() is called from many
	/// threads at once. Errors: the constructor throws when the embedded
	/// strings do not parse; handle() throws only Poco::Net exceptions of a
	/// client that has gone.
{
public:
	explicit PlayerSite(PlayerSettings settings);

	void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) const;

private:
	void sendPage(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) const;
	void sendText(Poco::Net::HTTPServerResponse& response, int status, const std::string& text) const;
	std::string apiUrlFor(const Poco::Net::HTTPServerRequest& request) const;
		/// The configured API URL, or one built from the request's host
		/// name; empty when the Host header is not a plain host name.
	std::string renderPage(const std::string& language, const std::string& apiUrl) const;

	static std::string originOf(const std::string& url);

	PlayerSettings _settings;
	WebAssets _assets;
	PageTemplate _page;
	std::map<std::string, Poco::JSON::Object::Ptr> _strings; /// language → its strings
};

} // namespace player
} // namespace restream

#endif // restream_player_PlayerSite_INCLUDED
