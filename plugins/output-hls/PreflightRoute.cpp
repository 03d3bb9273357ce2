//
// PreflightRoute.cpp
//

#include "PreflightRoute.h"
#include "MediaResponse.h"
#include <Poco/Net/HTTPRequest.h>

namespace restream {
namespace hls {

PreflightRoute::PreflightRoute(const std::string& path):
	_path(path)
{
}

std::string PreflightRoute::method() const
{
	return Poco::Net::HTTPRequest::HTTP_OPTIONS;
}

std::string PreflightRoute::path() const
{
	return _path;
}

ApiRoute::Access PreflightRoute::access() const
{
	return Access::Public;
}

void PreflightRoute::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
	const Identity&)
{
	MediaResponse::sendPreflight(request, response);
}

} // namespace hls
} // namespace restream
