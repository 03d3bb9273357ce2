//
// PortHandlerFactory.h
//
// The role of a plugin that serves a whole HTTP port.
//

#ifndef restream_PortHandlerFactory_INCLUDED
#define restream_PortHandlerFactory_INCLUDED

#include "restream/Service.h"

namespace Poco {
namespace Net {
class HTTPRequestHandler;
class HTTPServerRequest;
} // namespace Net
} // namespace Poco

namespace restream {

class RESTREAM_API PortHandlerFactory : public Service
	/// Serves every request of a port whose configuration names this
	/// service's plugin as owner (http.<port>.plugin), except GET /health,
	/// which the host answers on every port itself.
	///
	/// The host enforces the port's deadlines and limits, catches what the
	/// handler throws (500, logged with the plugin's name) and deletes the
	/// handler after use.
	///
	/// Threads: createRequestHandler() is called concurrently from the
	/// port's worker threads; each handler is used by one thread.
	/// Errors: must not throw; return null to answer 404.
{
public:
	virtual Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) = 0;
		/// Returns a new handler for request, owned by the caller, or null.
};

} // namespace restream

#endif // restream_PortHandlerFactory_INCLUDED
