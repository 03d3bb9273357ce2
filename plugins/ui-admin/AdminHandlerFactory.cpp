//
// AdminHandlerFactory.cpp
//

#include "AdminHandlerFactory.h"
#include "AdminRequestHandler.h"

namespace restream {
namespace admin {

AdminHandlerFactory::AdminHandlerFactory(std::shared_ptr<AdminSite> site):
	_site(std::move(site))
{
}

Poco::Net::HTTPRequestHandler* AdminHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
	return new AdminRequestHandler(_site);
}

} // namespace admin
} // namespace restream
