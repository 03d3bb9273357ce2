//
// MeRoute.h
//

#ifndef restream_host_MeRoute_INCLUDED
#define restream_host_MeRoute_INCLUDED

#include "restream/ApiRoute.h"

namespace restream::host {

class MeRoute : public ApiRoute
	/// GET /me, protected: {"username": <subject>} for the caller. The host's
	/// own route, proving the authenticator guards the API.
{
public:
	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	std::string summary() const override;
	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const Identity& caller) override;
};

} // namespace restream::host

#endif // restream_host_MeRoute_INCLUDED
