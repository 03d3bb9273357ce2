//
// AdminRoutes.h
//
// Every route of the admin port, wired to the parts they share.
//

#ifndef uiadmin_AdminRoutes_INCLUDED
#define uiadmin_AdminRoutes_INCLUDED

#include "AdminSettings.h"
#include "ApiClient.h"
#include "DashboardPage.h"
#include "restream/Route.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Poco {
class Logger;
}

namespace uiadmin {

class AdminRoutes
	/// The admin port, one route per resource:
	///   GET  /                    DashboardPage
	///   GET  /login, POST /login  LoginPage, LoginForm
	///   POST /logout              LogoutForm
	///   GET  /assets/*, /favicon.svg   restream::AssetRoute
	///   /ui/...                   JsonProxyRoute (categories, status,
	///                             account, running, stop), ChannelsRoute, StartRoute,
	///                             FavouritesRoute (GET, POST), LogoRoute (/ui/logos/*)
	///   GET  /preview/live.m3u8, /preview/live.ll.m3u8, /preview/hls/*
	///                             PreviewRoute
	/// sharing one SessionStore, FavouritesStore, ApiClient, Translations and
	/// Pages (owned together by the routes). Any other path or method is the
	/// host's 404 or 405.
	/// Errors: create() throws when the embedded pages are broken (see Pages).
{
public:
	using Named = std::vector<std::pair<std::string, std::shared_ptr<restream::Route>>>;
		/// Each route with its name in the registry ("ui-admin.login", ...).

	static Named create(const AdminSettings& settings, ApiClient::Locator api, DashboardPage::TunerUrl tunerUrl, Poco::Logger& logger);
		/// The routes of settings, calling the API that api locates; the
		/// dashboard names the tuner at tunerUrl. The logger must outlive the
		/// routes.
};

} // namespace uiadmin

#endif // uiadmin_AdminRoutes_INCLUDED
