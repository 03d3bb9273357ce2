//
// AdminRequestHandler.h
//
// One request of the admin port.
//

#ifndef restream_admin_AdminRequestHandler_INCLUDED
#define restream_admin_AdminRequestHandler_INCLUDED

#include <Poco/Net/HTTPRequestHandler.h>
#include <memory>

namespace restream {
namespace admin {

class AdminSite;

class AdminRequestHandler : public Poco::Net::HTTPRequestHandler
	/// Answers one request through the site, which it keeps alive.
	/// Used by one thread, deleted by the host after use.
{
public:
	explicit AdminRequestHandler(std::shared_ptr<AdminSite> site);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	std::shared_ptr<AdminSite> _site;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_AdminRequestHandler_INCLUDED
