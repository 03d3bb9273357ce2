//
// PortDispatcher.h
//

#ifndef restream_host_PortDispatcher_INCLUDED
#define restream_host_PortDispatcher_INCLUDED

#include "http/ApiRouter.h"
#include "restream/PortHandlerFactory.h"
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace restream::host {

class PortDispatcher : public Poco::Net::HTTPRequestHandlerFactory
	/// The request handler factory of one port: answers GET /health itself,
	/// refuses URIs it cannot parse (400), then hands the request to the API
	/// router (owner "host") or to the owning plugin's PortHandlerFactory,
	/// guarded. A port whose plugin is not running answers 503 with a
	/// message naming it.
	/// Threads: createRequestHandler() is called concurrently.
{
public:
	PortDispatcher(std::string portName, std::shared_ptr<const ApiRouter> router, Poco::Logger& logger);
		/// A port served by the API router.

	PortDispatcher(std::string portName, std::string owner, std::shared_ptr<PortHandlerFactory> factory, Poco::Logger& logger);
		/// A port served by a plugin; factory may be null (plugin not running).

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
	const std::string _portName;
	const std::string _owner;
	std::shared_ptr<const ApiRouter> _router;
	std::shared_ptr<PortHandlerFactory> _factory;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_PortDispatcher_INCLUDED
