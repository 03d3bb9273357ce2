//
// PortConnectionFactory.h
//

#ifndef restream_host_PortConnectionFactory_INCLUDED
#define restream_host_PortConnectionFactory_INCLUDED

#include "http/PortConnection.h"
#include <Poco/Net/TCPServerConnectionFactory.h>

namespace restream::host {

class PortConnectionFactory : public Poco::Net::TCPServerConnectionFactory
	/// Creates a PortConnection for each accepted socket of a port. Owned by
	/// the port's TCPServer; settings, watchdog and logger must outlive it.
{
public:
	PortConnectionFactory(const PortSettings& settings, Poco::Net::HTTPServerParams::Ptr params,
		Poco::Net::HTTPRequestHandlerFactory::Ptr factory, RequestWatchdog& watchdog, Poco::Logger& logger);

	Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;

private:
	const PortSettings& _settings;
	Poco::Net::HTTPServerParams::Ptr _params;
	Poco::Net::HTTPRequestHandlerFactory::Ptr _factory;
	RequestWatchdog& _watchdog;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_PortConnectionFactory_INCLUDED
