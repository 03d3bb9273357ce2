//
// PreflightRoute.h
//
// OPTIONS on output-hls's paths: CORS preflight for any origin.
//

#ifndef outputhls_PreflightRoute_INCLUDED
#define outputhls_PreflightRoute_INCLUDED

#include "restream/Route.h"
#include <string>

namespace outputhls {

class PreflightRoute : public restream::Route
	/// OPTIONS on a media path: 204 allowing GET and HEAD (and the Range
	/// header) from any origin, for players on other sites. Stateless.
{
public:
	explicit PreflightRoute(const std::string& path);

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	bool quick() const override;
	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	const std::string _path;
};

} // namespace outputhls

#endif // outputhls_PreflightRoute_INCLUDED
