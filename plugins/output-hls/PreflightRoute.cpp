//
// PreflightRoute.cpp
//

#include "PreflightRoute.h"
#include "MediaResponse.h"

namespace outputhls {

PreflightRoute::PreflightRoute(const std::string& path):
	_path(path)
{
}

std::string PreflightRoute::method() const
{
	return "OPTIONS";
}

std::string PreflightRoute::path() const
{
	return _path;
}

restream::Route::Access PreflightRoute::access() const
{
	return Access::Public;
}

bool PreflightRoute::quick() const
{
	return true;
}

void PreflightRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	MediaResponse::sendPreflight(request, *response);
}

} // namespace outputhls
