//
// AdminRequestHandler.cpp
//

#include "AdminRequestHandler.h"
#include "AdminSite.h"

namespace restream {
namespace admin {

AdminRequestHandler::AdminRequestHandler(std::shared_ptr<AdminSite> site):
	_site(std::move(site))
{
}

void AdminRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	_site->handle(request, response);
}

} // namespace admin
} // namespace restream
