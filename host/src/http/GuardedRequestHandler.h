//
// GuardedRequestHandler.h
//

#ifndef restream_host_GuardedRequestHandler_INCLUDED
#define restream_host_GuardedRequestHandler_INCLUDED

#include <Poco/Net/HTTPRequestHandler.h>
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace restream::host {

class GuardedRequestHandler : public Poco::Net::HTTPRequestHandler
	/// Runs a plugin's request handler inside the PluginGuard: what it throws
	/// is logged with the plugin's name and becomes a 500, never a dead
	/// connection thread. Owns the plugin's handler and deletes it, guarded.
{
public:
	GuardedRequestHandler(std::string plugin, Poco::Net::HTTPRequestHandler* handler, Poco::Logger& logger);
	~GuardedRequestHandler() override;

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	const std::string _plugin;
	Poco::Net::HTTPRequestHandler* _handler;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_GuardedRequestHandler_INCLUDED
