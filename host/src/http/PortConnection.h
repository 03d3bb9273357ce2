//
// PortConnection.h
//

#ifndef restream_host_PortConnection_INCLUDED
#define restream_host_PortConnection_INCLUDED

#include "http/PortSettings.h"
#include "http/RequestWatchdog.h"
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnection.h>

namespace Poco {
class Logger;
namespace Net {
class HTTPServerSession;
}
} // namespace Poco

namespace restream::host {

class PortConnection : public Poco::Net::TCPServerConnection
	/// One HTTP connection of a port: Poco's HTTPServerConnection loop, with
	/// the request deadline of the RequestWatchdog around each request and
	/// an unread request body drained (bounded) before the next one.
	/// Runs on one of the port's worker threads.
{
public:
	PortConnection(const Poco::Net::StreamSocket& socket, const PortSettings& settings, Poco::Net::HTTPServerParams::Ptr params,
		Poco::Net::HTTPRequestHandlerFactory::Ptr factory, RequestWatchdog& watchdog, Poco::Logger& logger);

	void run() override;

private:
	void sendBadRequest(Poco::Net::HTTPServerSession& session);

	const PortSettings& _settings;
	Poco::Net::HTTPServerParams::Ptr _params;
	Poco::Net::HTTPRequestHandlerFactory::Ptr _factory;
	RequestWatchdog& _watchdog;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_PortConnection_INCLUDED
