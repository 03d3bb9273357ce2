//
// Authenticator.h
//
// The authenticator role: decides who a request on the API port comes from.
//

#ifndef restream_Authenticator_INCLUDED
#define restream_Authenticator_INCLUDED

#include "restream/Identity.h"
#include "restream/RouteRequest.h"
#include "restream/Service.h"

namespace restream {

class RESTREAM_API Authenticator : public Service
	/// The role of the service that checks credentials on protected routes.
	/// The host asks the first registered Authenticator on every protected
	/// route and answers 401 itself when the identity is not authenticated;
	/// with no Authenticator loaded, protected routes answer 503 (fail
	/// closed).
	///
	/// Threads: called concurrently from HTTP worker threads.
	/// Errors: must not throw; every failure is an Identity with a reason.
{
public:
	virtual Identity authenticate(const RouteRequest& request) const = 0;
		/// Returns who sent request, from its headers. request.caller is
		/// empty here.
};

} // namespace restream

#endif // restream_Authenticator_INCLUDED
