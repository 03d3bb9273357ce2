//
// ChannelsRoute.h
//

#ifndef restream_host_ChannelsRoute_INCLUDED
#define restream_host_ChannelsRoute_INCLUDED

#include "api/FixedRoute.h"
#include "catalog/CachedCatalog.h"
#include "logging/Redactor.h"

namespace restream::host {

class ChannelsRoute : public FixedRoute
	/// GET /channels?category_id=&search=&limit=&offset= (protected):
	/// {"total", "channels": [{"stream_id", "name", "number", "stream_icon",
	/// "category_id", "category_name", "epg_channel_id"}]}; limit 1 to 1000
	/// (100 by default), search at most 800 bytes, ignoring case and accents.
{
public:
	ChannelsRoute(CachedCatalog& catalog, const Redactor& redactor);

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	CachedCatalog& _catalog;
	const Redactor& _redactor;
};

} // namespace restream::host

#endif // restream_host_ChannelsRoute_INCLUDED
