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
	/// the port's TCPServer; settings, client rule, watchdog and logger must
	/// outlive it.
{
public:
	PortConnectionFactory(const PortSettings& settings, Poco::Net::HTTPServerParams::Ptr params, std::shared_ptr<const Router> router,
		const ClientAddress& clients, RequestWatchdog& watchdog, Poco::Logger& logger);

	Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;

private:
	const PortSettings& _settings;
	Poco::Net::HTTPServerParams::Ptr _params;
	const std::shared_ptr<const Router> _router;
	const ClientAddress& _clients;
	RequestWatchdog& _watchdog;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_PortConnectionFactory_INCLUDED
