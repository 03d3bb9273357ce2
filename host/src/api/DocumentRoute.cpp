//
// DocumentRoute.cpp
//

#include "api/DocumentRoute.h"

namespace restream::host {

DocumentRoute::DocumentRoute(const std::string& path, const std::string& summary, std::string contentType, std::string document):
	FixedRoute("GET", path, Access::Public, summary),
	_contentType(std::move(contentType)),
	_document(std::make_shared<const std::string>(std::move(document)))
{
}

bool DocumentRoute::quick() const
{
	return true;
}

void DocumentRoute::handle(const RouteRequest&, const std::shared_ptr<RouteResponse>& response)
{
	response->send(200,
		{{"Content-Type", _contentType}, {"Cache-Control", "no-cache"}, {"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"}},
		_document);
}

} // namespace restream::host
