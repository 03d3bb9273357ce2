//
// RouteHandler.h
//

#ifndef restream_host_RouteHandler_INCLUDED
#define restream_host_RouteHandler_INCLUDED

#include "http/CorsPolicy.h"
#include "restream/ApiRoute.h"
#include "restream/Authenticator.h"
#include <Poco/Net/HTTPRequestHandler.h>
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace restream::host {

class RouteHandler : public Poco::Net::HTTPRequestHandler
	/// Runs one ApiRoute for one request: asks the authenticator first when
	/// the route is protected (401 with WWW-Authenticate when refused, 503
	/// when no authenticator is loaded), then calls the route inside the
	/// PluginGuard.
{
public:
	RouteHandler(std::string owner, std::shared_ptr<ApiRoute> route, std::string authenticatorOwner,
		std::shared_ptr<Authenticator> authenticator, const CorsPolicy& cors, Poco::Logger& logger);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	const std::string _owner;
	std::shared_ptr<ApiRoute> _route;
	const std::string _authenticatorOwner;
	std::shared_ptr<Authenticator> _authenticator;
	const CorsPolicy& _cors;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_RouteHandler_INCLUDED
