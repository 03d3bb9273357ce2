//
// JsonProxyRoute.cpp
//

#include "JsonProxyRoute.h"

namespace uiadmin {

JsonProxyRoute::JsonProxyRoute(std::string method, std::string path, SessionStore::Use use, Target target,
	std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions, std::shared_ptr<const Translations> translations):
	UiEndpoint(std::move(method), std::move(path), use, std::move(sessions), std::move(translations)),
	_target(std::move(target)),
	_proxy(std::move(proxy))
{
}

void JsonProxyRoute::serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
	const AdminSession& session)
{
	_proxy->json(request, *response, session, _target.method, _target.path, _target.body);
}

} // namespace uiadmin
