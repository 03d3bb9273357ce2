//
// Route.h
//
// The role of a route a plugin serves on one of the host's HTTP ports.
//

#ifndef restream_Route_INCLUDED
#define restream_Route_INCLUDED

#include "restream/RouteRequest.h"
#include "restream/RouteResponse.h"
#include "restream/Service.h"
#include <cstddef>
#include <memory>
#include <string>

namespace restream {

class RESTREAM_API Route : public Service
	/// One route on one of the host's HTTP ports ("api", "admin", "player",
	/// "tuner": http.ports). The host serves every port with one router per
	/// port, built at start from every Route in the registry:
	///   - path() is an exact path ("/auth/login") or, ending in '*', a
	///     prefix ("/live/*" matches "/live/101.m3u8"); the exact match
	///     wins, then the longest prefix;
	///   - method() is "GET", "POST", ...; a GET route also answers HEAD;
	///   - a path whose routes all have other methods answers 405 with
	///     Allow, OPTIONS answers 204 (and CORS preflights), no route 404;
	///     two routes with the same port, method and path: the second is
	///     refused at start with a log line.
	/// Before a Protected route runs, the host asks the Authenticator and
	/// answers 401 itself when the caller is not authenticated. The host
	/// answers /health on every port and enforces each port's limits
	/// (deadlines, connections per client, the LAN rule of LAN-only ports).
	///
	/// Threads: handle() is called concurrently. When quick() is false (the
	/// default) it runs on a worker thread and may block for a while (call
	/// a provider); when true it runs on the server's I/O thread and must
	/// not block at all (media from memory).
	/// Errors: handle() answers errors itself (RouteResponse::sendError).
	/// An exception that escapes is logged with the plugin's name and
	/// becomes a 500 if nothing was sent yet.
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

	virtual void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) = 0;
		/// Answers request through response, now or later (see RouteResponse).

	virtual std::string port() const;
		/// The port it is served on; the default is "api".

	virtual bool quick() const;
		/// True when handle() never blocks (see above); the default is false.

	virtual std::size_t maxBodySize() const;
		/// The largest request body it reads; the host answers 413 beyond.
		/// The default is 16 KiB.

	virtual std::string summary() const;
		/// One line for the documentation (/docs, /openapi.json); the
		/// default says nothing.
};

inline std::string Route::port() const
{
	return "api";
}

inline bool Route::quick() const
{
	return false;
}

inline std::size_t Route::maxBodySize() const
{
	return 16 * 1024;
}

inline std::string Route::summary() const
{
	return "";
}

} // namespace restream

#endif // restream_Route_INCLUDED
