//
// PortConnection.h
//

#ifndef restream_host_PortConnection_INCLUDED
#define restream_host_PortConnection_INCLUDED

#include "http/PortSettings.h"
#include "http/RequestWatchdog.h"
#include "http/Router.h"
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnection.h>
#include <memory>

namespace Poco {
class Logger;
namespace Net {
class HTTPServerRequest;
class HTTPServerSession;
} // namespace Net
} // namespace Poco

namespace restream::host {

class PortConnection : public Poco::Net::TCPServerConnection
	/// One HTTP connection of a port, on one of the port's worker threads:
	/// reads each request with Poco, refuses what is malformed or ambiguous
	/// (400 and the connection closed: a request line or header Poco cannot
	/// read, Content-Length together with Transfer-Encoding, a
	/// Transfer-Encoding other than chunked, a header name with blanks, two
	/// Host headers, a Host that is not a host name (or none in HTTP/1.1,
	/// RFC 9112 section 3.2), a request target that is not origin-form), turns it
	/// into a RouteRequest (the path decoded once, the query, the client's
	/// address by the host's one rule, the body read whole up to the route's
	/// limit: the host's one bounded body reader, 413 beyond), lets the
	/// port's Router decide and the route answer through a
	/// ConnectionResponse, under the RequestWatchdog's whole-request
	/// deadline (a stream is freed from it once it begins).
{
public:
	PortConnection(const Poco::Net::StreamSocket& socket, const PortSettings& settings, Poco::Net::HTTPServerParams::Ptr params,
		std::shared_ptr<const Router> router, const ClientAddress& clients, RequestWatchdog& watchdog, Poco::Logger& logger);

	void run() override;

private:
	bool serve(Poco::Net::HTTPServerSession& session, Poco::UInt64 watchdogId);
		/// One request; false when the connection must close.
	static std::string malformed(const Poco::Net::HTTPServerRequest& request);
		/// Why request must be refused, or empty.
	void sendBadRequest(Poco::Net::HTTPServerSession& session, const std::string& detail);

	const PortSettings& _settings;
	Poco::Net::HTTPServerParams::Ptr _params;
	const std::shared_ptr<const Router> _router;
	const ClientAddress& _clients;
	RequestWatchdog& _watchdog;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_PortConnection_INCLUDED
