//
// CorsPolicy.h
//

#ifndef restream_host_CorsPolicy_INCLUDED
#define restream_host_CorsPolicy_INCLUDED

#include "restream/RouteResponse.h"
#include <set>
#include <string>

namespace restream::host {

class CorsPolicy
	/// Which browser origins may call the API's routes (key http.corsOrigins;
	/// by default the origins of public.playerUrl and public.adminUrl): the
	/// player on its own origin reads /stream_status, a browser admin would
	/// call the control routes. Other origins get no CORS headers, so their
	/// browsers refuse the answer. Credentials (cookies) are never allowed;
	/// the bearer token travels in a header. Immutable; any thread.
{
public:
	explicit CorsPolicy(const std::string& origins);
		/// A comma-separated list of origins ("https://restream.example.org").
		/// URLs are reduced to their origin.

	bool allows(const std::string& origin) const;
		/// True when origin (a request's Origin header) is allowed.

	void answer(const std::string& origin, RouteResponse::Headers& headers) const;
		/// Adds Access-Control-Allow-Origin (and Vary: Origin) when origin is allowed.

	void preflight(const std::string& origin, const std::string& allow, RouteResponse::Headers& headers) const;
		/// For OPTIONS: the above plus allowed methods and headers.

	static std::string originOf(const std::string& url);
		/// scheme://host[:port] of url, lower case; empty if url is not absolute.

private:
	std::set<std::string> _origins;
};

} // namespace restream::host

#endif // restream_host_CorsPolicy_INCLUDED
