//
// Router.h
//

#ifndef restream_host_Router_INCLUDED
#define restream_host_Router_INCLUDED

#include "http/CorsPolicy.h"
#include "net/ClientAddress.h"
#include "net/HostNameGuard.h"
#include "restream/Authenticator.h"
#include "restream/Route.h"
#include <Poco/Net/IPAddress.h>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class Router
	/// One port's router, assembled once at start from every Route in the
	/// registry that names the port, whoever registered it (the host's own
	/// routes are owned by "host"). It decides everything about a request
	/// that does not depend on how bytes travel, so any server can use it:
	///   1. /health (GET, HEAD) on every port;
	///   2. on a LAN-only port: the LAN rule (ClientAddress::lan, 403) and the
	///      host name (HostNameGuard, 421);
	///   3. the route: exact path, then longest prefix; GET answers HEAD; a
	///      known path with another method 405 with Allow; OPTIONS 204 with
	///      Allow (and the CORS preflight); nothing 404;
	///   4. for a Protected route, the first Authenticator (401, or 503 when
	///      none runs: closed by default);
	///   5. the CORS headers (on the port that has a CorsPolicy) and, for
	///      public GET routes, Access-Control-Allow-Origin: *.
	///
	/// Threads: immutable after construction; route() and run() are called
	/// concurrently.
{
public:
	using Owned = std::pair<std::string, std::shared_ptr<Route>>;
		/// A route and the plugin (or "host") that registered it.

	struct Target
		/// What route() decided: a route to run, or an answer to give.
	{
		std::shared_ptr<Route> route; /// null: answer status and detail
		std::string owner;
		int status = 0;
		std::string detail;
		RouteResponse::Headers headers; /// for the answer, whichever it is (Allow, CORS, ...)
	};

	Router(std::string port, bool lanOnly, const std::vector<Owned>& routes,
		std::pair<std::string, std::shared_ptr<Authenticator>> authenticator, const ClientAddress& clients,
		const HostNameGuard& hostNames, std::unique_ptr<CorsPolicy> cors, Poco::Logger& logger);

	Target route(RouteRequest& request, const Poco::Net::IPAddress& peer) const;
		/// Decides for request (whose body is not read yet) and fills in its
		/// caller when authenticated.

	void run(const Target& target, const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) const;
		/// Runs the route's handle() under the plugin guard: what it throws is
		/// logged with the plugin and the route, and answered 500 when
		/// nothing was answered yet.

	std::vector<std::string> describe() const;
		/// "METHOD path (owner[, protected])" for every route, for the log.

	const std::string& port() const;

private:
	struct Entry
	{
		std::string owner;
		std::shared_ptr<Route> route;
		std::string method;
		std::string path;
		bool prefix = false;
		bool isProtected = false;
	};

	const Entry* match(const std::string& method, const std::string& path, std::vector<const Entry*>& candidates) const;
		/// The routes of path in candidates; the one for method (GET for HEAD), or null.

	const std::string _port;
	const bool _lanOnly;
	std::vector<Entry> _routes;
	std::pair<std::string, std::shared_ptr<Authenticator>> _authenticator;
	const ClientAddress& _clients;
	const HostNameGuard& _hostNames;
	std::unique_ptr<CorsPolicy> _cors;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_Router_INCLUDED
