//
// PlayerPage.h
//
// GET /: the player's page, in the viewer's language, pointing at the API.
//

#ifndef uiplayer_PlayerPage_INCLUDED
#define uiplayer_PlayerPage_INCLUDED

#include "PlayerRoute.h"
#include "PlayerSettings.h"
#include "restream/PageTemplate.h"
#include "restream/WebAssets.h"
#include <Poco/JSON/Object.h>
#include <functional>
#include <map>
#include <string>

namespace uiplayer {

class PlayerPage : public PlayerRoute
	/// GET /: the page (index.html, embedded) in English or French from
	/// Accept-Language, its script and style linked with ?v=<ETag>. The
	/// page's API URL (a <meta> the script reads) is apiUrl when set, else
	/// the API port's public URL for this request (public.apiUrl, or the
	/// request's host name with http.api.port): one place says the API's
	/// port. It is written back from its parts (scheme and host in lower
	/// case, no default port, no trailing slash); a URL that is not a
	/// plain http(s) URL with a host name or IP address (a Host header
	/// with quotes, spaces, ...) gets 400 instead of a page.
	///
	/// The page carries a Content-Security-Policy that allows scripts,
	/// styles and images only from itself, and connections and media only
	/// from itself and the API's origin (plus blob: for media and workers,
	/// which hls.js needs); no inline script; frame-ancestors from the
	/// settings.
	///
	/// Threads: any.
	/// Errors: the constructor throws Poco::NotFoundException or
	/// Poco::DataFormatException when the embedded page or strings are
	/// broken (a broken build).
{
public:
	using ApiPortUrl = std::function<std::string(const restream::RouteRequest&)>;
		/// The API port's public URL for a request: the host's
		/// PlaybackUrls::portUrl("api", request).

	PlayerPage(PlayerSettings settings, const restream::WebAssets& assets, ApiPortUrl apiPortUrl);

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

	static std::string plainUrl(const std::string& url, bool withPath);
		/// url written back as above, its path kept when withPath (else its
		/// origin, for the CSP); empty when url is not a plain http(s) URL.

private:
	const PlayerSettings _settings;
	const ApiPortUrl _apiPortUrl;
	restream::PageTemplate _page;
	std::map<std::string, Poco::JSON::Object::Ptr> _strings; /// language → its strings
	std::string _script; /// the script's versioned URL
	std::string _style;  /// the style sheet's versioned URL
};

} // namespace uiplayer

#endif // uiplayer_PlayerPage_INCLUDED
