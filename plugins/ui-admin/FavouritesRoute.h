//
// FavouritesRoute.h
//
// GET and POST /ui/favourites: the user's favourite channels.
//

#ifndef uiadmin_FavouritesRoute_INCLUDED
#define uiadmin_FavouritesRoute_INCLUDED

#include "FavouritesStore.h"
#include "UiEndpoint.h"
#include <memory>

namespace Poco {
class Logger;
}

namespace uiadmin {

class FavouritesRoute : public UiEndpoint
	/// The signed-in user's favourites, kept by the admin (FavouritesStore),
	/// not the API; the plugin makes one route per method:
	///   GET  /ui/favourites  the list
	///   POST /ui/favourites {"channel": {"stream_id", "name", ...}, "favourite": bool}
	///                        adds (or replaces) or removes; the new list
	/// A body that is not that, or a channel FavouritesStore refuses, is 400;
	/// a list that cannot be saved is 500 (logged).
	/// Immutable; any thread. Errors: see UiEndpoint. The logger must
	/// outlive the route.
{
public:
	FavouritesRoute(std::string method, std::shared_ptr<FavouritesStore> favourites, std::shared_ptr<SessionStore> sessions,
		std::shared_ptr<const Translations> translations, Poco::Logger& logger);

protected:
	void serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
		const AdminSession& session) override;

private:
	const std::shared_ptr<FavouritesStore> _favourites;
	Poco::Logger& _logger;
};

} // namespace uiadmin

#endif // uiadmin_FavouritesRoute_INCLUDED
