//
// AdminHandlerFactory.h
//
// The admin port's request handler factory.
//

#ifndef restream_admin_AdminHandlerFactory_INCLUDED
#define restream_admin_AdminHandlerFactory_INCLUDED

#include "restream/PortHandlerFactory.h"
#include <memory>

namespace restream {
namespace admin {

class AdminSite;

class AdminHandlerFactory : public PortHandlerFactory
	/// Hands every request of the admin port to the shared AdminSite.
	/// Threads: any; the site is thread-safe. Errors: none.
{
public:
	explicit AdminHandlerFactory(std::shared_ptr<AdminSite> site);

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
	std::shared_ptr<AdminSite> _site;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_AdminHandlerFactory_INCLUDED
