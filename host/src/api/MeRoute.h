//
// MeRoute.h
//

#ifndef restream_host_MeRoute_INCLUDED
#define restream_host_MeRoute_INCLUDED

#include "api/FixedRoute.h"

namespace restream::host {

class MeRoute : public FixedRoute
	/// GET /me (protected): {"username"} of the bearer token.
{
public:
	MeRoute();

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;
};

} // namespace restream::host

#endif // restream_host_MeRoute_INCLUDED
