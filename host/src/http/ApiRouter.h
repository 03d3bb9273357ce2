//
// ApiRouter.h
//

#ifndef restream_host_ApiRouter_INCLUDED
#define restream_host_ApiRouter_INCLUDED

#include "http/ApiDocumentation.h"
#include "http/CorsPolicy.h"
#include "plugins/ServiceRegistry.h"
#include "restream/ApiRoute.h"
#include "restream/Authenticator.h"
#include <memory>
#include <string>
#include <vector>

namespace Poco {
class Logger;
namespace Net {
class HTTPRequestHandler;
class HTTPServerRequest;
} // namespace Net
} // namespace Poco

namespace restream::host {

class ApiRouter
	/// The API port's router, assembled once at start from every ApiRoute in
	/// the registry (the host's own and the plugins'), with the first
	/// Authenticator for protected routes. Matching follows ApiRoute's
	/// contract: exact path, then longest prefix; GET answers HEAD; a known
	/// path with another method is 405 with Allow; OPTIONS is 204 with Allow
	/// (and the CORS preflight answer for allowed origins). It documents
	/// itself at GET /docs and GET /openapi.json.
	/// Threads: createRequestHandler() is called concurrently; the router is
	/// immutable after construction.
{
public:
	ApiRouter(const ServiceRegistry& registry, const CorsPolicy& cors, Poco::Logger& logger);

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request, const std::string& path) const;
		/// Returns the handler for request, whose decoded path is given.

	std::vector<std::string> describeRoutes() const;
		/// "METHOD path (owner)" for every route, for the start-up log.

private:
	struct Entry
	{
		std::string owner;
		std::shared_ptr<ApiRoute> route;
		std::string method;
		std::string path;
		bool prefix;
	};

	std::vector<Entry> _routes;
	const CorsPolicy _cors;
	std::unique_ptr<ApiDocumentation> _documentation;
	std::string _authenticatorOwner;
	std::shared_ptr<Authenticator> _authenticator;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_ApiRouter_INCLUDED
