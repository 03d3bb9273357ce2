//
// JsonProxyRoute.h
//
// A dashboard endpoint that is one call of the API, nothing to check.
//

#ifndef uiadmin_JsonProxyRoute_INCLUDED
#define uiadmin_JsonProxyRoute_INCLUDED

#include "ApiProxy.h"
#include "UiEndpoint.h"
#include <memory>
#include <string>

namespace uiadmin {

class JsonProxyRoute : public UiEndpoint
	/// method path answered by the API's apiMethod apiPath with a fixed body
	/// (ApiProxy::json()). The plugin makes one per endpoint:
	///   GET  /ui/categories   API GET /categories
	///   GET  /ui/status       API GET /stream_status   (BACKGROUND)
	///   GET  /ui/account      API GET /account         (BACKGROUND)
	///   POST /ui/stop         API POST /stop_stream {}
	/// Immutable; any thread. Errors: see UiEndpoint and ApiProxy.
{
public:
	struct Target
		/// What the API is asked.
	{
		std::string method;
		std::string path;
		std::string body; /// JSON, or empty for none
	};

	JsonProxyRoute(std::string method, std::string path, SessionStore::Use use, Target target, std::shared_ptr<const ApiProxy> proxy,
		std::shared_ptr<SessionStore> sessions, std::shared_ptr<const Translations> translations);

protected:
	void serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
		const AdminSession& session) override;

private:
	const Target _target;
	const std::shared_ptr<const ApiProxy> _proxy;
};

} // namespace uiadmin

#endif // uiadmin_JsonProxyRoute_INCLUDED
