//
// HealthHandler.h
//

#ifndef restream_host_HealthHandler_INCLUDED
#define restream_host_HealthHandler_INCLUDED

#include <Poco/Net/HTTPRequestHandler.h>
#include <string>

namespace restream::host {

class HealthHandler : public Poco::Net::HTTPRequestHandler
	/// GET /health on every port, answered by the host itself:
	/// 200 {"status": "ok", "port": NAME, "version": VERSION}.
{
public:
	explicit HealthHandler(std::string portName);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	const std::string _portName;
};

} // namespace restream::host

#endif // restream_host_HealthHandler_INCLUDED
