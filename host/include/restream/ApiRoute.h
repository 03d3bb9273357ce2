//
// ApiRoute.h
//
// The role of a route a plugin contributes to the API port.
//

#ifndef restream_ApiRoute_INCLUDED
#define restream_ApiRoute_INCLUDED

#include "restream/Identity.h"
#include "restream/Service.h"
#include <string>

namespace Poco {
namespace Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Net
} // namespace Poco

namespace restream {

class RESTREAM_API ApiRoute : public Service
	/// One route on the API port. The host's router collects every ApiRoute
	/// in the registry when the API server starts, adds its own routes
	/// (/health and those of the host), and dispatches:
	///   - path() is an exact path ("/auth/login") or, ending in '*', a
	///     prefix ("/live/*" matches "/live/101.m3u8"); the exact match wins,
	///     then the longest prefix;
	///   - method() is "GET", "POST", ...; a GET route also answers HEAD
	///     (the router discards the body);
	///   - a path whose routes all have other methods answers 405; no route,
	///     404; two routes with the same method and path: the second is
	///     refused at start with a log line.
	/// Before a Protected route runs, the router asks the Authenticator and
	/// answers 401 {"detail"} itself when the caller is not authenticated.
	///
	/// Threads: handleRequest() is called concurrently.
	/// Errors: handleRequest() answers errors itself as JSON {"detail": ...}
	/// (see JsonResponse). An exception that escapes is logged with the
	/// plugin's name and becomes a 500 {"detail"} if nothing was sent yet.
{
public:
	enum class Access
	{
		Public,   /// anyone may call it
		Protected /// only callers the Authenticator accepts
	};

	virtual std::string method() const = 0;
		/// The HTTP method, upper case.

	virtual std::string path() const = 0;
		/// The exact path, or a prefix ending in '*'. Never changes.

	virtual Access access() const = 0;
		/// Whether the router authenticates callers first.

	virtual void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		const Identity& caller) = 0;
		/// Answers the request. caller is authenticated for Protected routes,
		/// and empty for Public ones.

	virtual std::string summary() const;
		/// One line for the API's documentation (/docs, /openapi.json).
		/// The default says nothing.
};

inline std::string ApiRoute::summary() const
{
	return "";
}

} // namespace restream

#endif // restream_ApiRoute_INCLUDED
