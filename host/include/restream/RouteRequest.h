//
// RouteRequest.h
//
// What a route reads of one HTTP request.
//

#ifndef restream_RouteRequest_INCLUDED
#define restream_RouteRequest_INCLUDED

#include "restream/Identity.h"
#include <Poco/Net/NameValueCollection.h>
#include <string>
#include <utility>
#include <vector>

namespace restream {

struct RouteRequest
	/// One request as the host's HTTP server parsed it, once, before the
	/// route runs: the route never parses the request line, the URI, the
	/// body framing or the forwarding headers itself. A value type; a route
	/// that answers later copies what it needs.
	///
	/// The host refuses before any route runs: malformed request lines and
	/// headers, ambiguous framing (Content-Length with Transfer-Encoding, a
	/// Transfer-Encoding other than chunked), a body beyond the route's
	/// Route::maxBodySize() (413), and on a LAN-only port clients outside
	/// the LAN (403).
{
	std::string method;
		/// Upper case: "GET", "HEAD", "POST", ... A GET route also receives
		/// HEAD; its answer's body is then dropped by the host.

	std::string path;
		/// The decoded path ("/live/101.m3u8"), never empty, starting with
		/// '/'. Compare it with exact shapes: it is not normalised and must
		/// never be mapped to a file.

	std::vector<std::pair<std::string, std::string>> query;
		/// The decoded query parameters, in order.

	Poco::Net::NameValueCollection headers;
		/// The request headers; names compare case-insensitively.

	std::string body;
		/// The whole body (empty when none), at most Route::maxBodySize().

	std::string clientAddress;
		/// The client's address by the host's one rule: the peer's, or when
		/// the peer is a trusted proxy (http.trustedProxies) the client it
		/// forwards for (X-Forwarded-For, Forwarded, X-Real-IP,
		/// CF-Connecting-IP). Use it for throttles, counts and logs.

	std::string host;
		/// The Host header as sent ("box.lan:8002"), empty when absent.

	std::string port;
		/// The name of the port it arrived on ("api", "tuner", ...).

	Identity caller;
		/// Who sent it, for a Protected route (authenticated); empty for a
		/// Public one.

	bool isHead() const
		/// True for a HEAD request.
	{
		return method == "HEAD";
	}

	std::string parameter(const std::string& name, const std::string& fallback = "") const
		/// The first query parameter named name, or fallback.
	{
		for (const auto& entry : query)
			if (entry.first == name) return entry.second;
		return fallback;
	}

	bool hasParameter(const std::string& name) const
	{
		for (const auto& entry : query)
			if (entry.first == name) return true;
		return false;
	}

	std::string header(const std::string& name, const std::string& fallback = "") const
	{
		return headers.get(name, fallback);
	}
};

} // namespace restream

#endif // restream_RouteRequest_INCLUDED
