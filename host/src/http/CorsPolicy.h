//
// CorsPolicy.h
//

#ifndef restream_host_CorsPolicy_INCLUDED
#define restream_host_CorsPolicy_INCLUDED

#include <set>
#include <string>

namespace Poco {
namespace Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Net
} // namespace Poco

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

	void apply(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) const;
		/// Adds Access-Control-Allow-Origin (and Vary: Origin) when the
		/// request's Origin is allowed.

	void applyPreflight(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const std::string& allow) const;
		/// For OPTIONS: the above plus allowed methods and headers.

	static std::string originOf(const std::string& url);
		/// scheme://host[:port] of url, lower case; empty if url is not absolute.

private:
	bool allowed(const Poco::Net::HTTPServerRequest& request) const;

	std::set<std::string> _origins;
};

} // namespace restream::host

#endif // restream_host_CorsPolicy_INCLUDED
