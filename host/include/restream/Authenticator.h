//
// Authenticator.h
//
// The authenticator role: decides who a request on the API port comes from.
//

#ifndef restream_Authenticator_INCLUDED
#define restream_Authenticator_INCLUDED

#include "restream/Identity.h"
#include "restream/Service.h"

namespace Poco {
namespace Net {
class HTTPServerRequest;
}
} // namespace Poco

namespace restream {

class RESTREAM_API Authenticator : public Service
	/// The role of the service that checks credentials on protected API
	/// routes. The host's API router asks the first registered Authenticator
	/// on every protected route and answers 401 itself when the identity is
	/// not authenticated; with no Authenticator loaded, protected routes
	/// answer 503 (fail closed).
	///
	/// Threads: called concurrently from HTTP worker threads.
	/// Errors: must not throw; every failure is an Identity with a reason.
{
public:
	virtual Identity authenticate(const Poco::Net::HTTPServerRequest& request) const = 0;
		/// Returns who sent request. Reads headers only, never the body.
};

} // namespace restream

#endif // restream_Authenticator_INCLUDED
