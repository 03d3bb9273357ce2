//
// ChannelsRoute.h
//
// GET /ui/channels: a page of the catalog's channels.
//

#ifndef uiadmin_ChannelsRoute_INCLUDED
#define uiadmin_ChannelsRoute_INCLUDED

#include "ApiProxy.h"
#include "UiEndpoint.h"
#include <memory>

namespace uiadmin {

class ChannelsRoute : public UiEndpoint
	/// GET /ui/channels?category_id=&search=&limit=&offset=, answered by the
	/// API's GET /channels with the same parameters, checked and encoded
	/// again: category_id at most 64 bytes, search at most 800 bytes (the
	/// input's 200 characters in any script), limit 1 to 200, offset 0 to
	/// 10^8; any other parameter, or a value out of bounds, is 400.
	/// Immutable; any thread. Errors: see UiEndpoint and ApiProxy.
{
public:
	ChannelsRoute(std::shared_ptr<const ApiProxy> proxy, std::shared_ptr<SessionStore> sessions, std::shared_ptr<const Translations> translations);

	static const std::size_t MAX_SEARCH = 800;

protected:
	void serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
		const AdminSession& session) override;

private:
	const std::shared_ptr<const ApiProxy> _proxy;
};

} // namespace uiadmin

#endif // uiadmin_ChannelsRoute_INCLUDED
