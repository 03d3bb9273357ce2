//
// AdminRoutes.cpp
//

#include "AdminRoutes.h"
#include "ApiProxy.h"
#include "ChannelsRoute.h"
#include "DashboardPage.h"
#include "FavouritesRoute.h"
#include "JsonProxyRoute.h"
#include "LoginForm.h"
#include "LoginPage.h"
#include "LogoRoute.h"
#include "LogoutForm.h"
#include "PreviewPaths.h"
#include "PreviewRoute.h"
#include "StartRoute.h"
#include "restream/AssetRoute.h"
#include "uiadminWebAssets.h"

namespace uiadmin {

AdminRoutes::Named AdminRoutes::create(const AdminSettings& settings, ApiClient::Locator api, DashboardPage::TunerUrl tunerUrl,
	Poco::Logger& logger)
{
	const auto assets = std::make_shared<const restream::WebAssets>(webAssets());
	const auto translations = std::make_shared<const Translations>(*assets);
	const auto pages = std::make_shared<const Pages>(*assets, translations);
	const auto sessions = std::make_shared<SessionStore>(settings.sessionIdleTimeout, settings.maxSessions);
	const auto favourites = std::make_shared<FavouritesStore>(settings.stateDirectory);
	const auto client = std::make_shared<const ApiClient>(std::move(api), settings.apiTimeout);
	const auto proxy = std::make_shared<const ApiProxy>(client, sessions, translations, logger);
	const auto json = [&](const std::string& method, const std::string& path, SessionStore::Use use, JsonProxyRoute::Target target) {
		return std::make_shared<JsonProxyRoute>(method, path, use, std::move(target), proxy, sessions, translations);
	};
	return {
		{"ui-admin.dashboard", std::make_shared<DashboardPage>(pages, sessions, std::move(tunerUrl))},
		{"ui-admin.login", std::make_shared<LoginPage>(pages, sessions)},
		{"ui-admin.login-form", std::make_shared<LoginForm>(pages, sessions, client, logger)},
		{"ui-admin.logout", std::make_shared<LogoutForm>(pages, sessions, logger)},
		{"ui-admin.assets", std::make_shared<restream::AssetRoute>("admin", "/assets/*", assets)},
		{"ui-admin.favicon", std::make_shared<restream::AssetRoute>("admin", "/favicon.svg", assets)},
		{"ui-admin.categories", json("GET", "/ui/categories", SessionStore::ACTIVE, {"GET", "/categories", ""})},
		{"ui-admin.status", json("GET", "/ui/status", SessionStore::BACKGROUND, {"GET", "/stream_status", ""})},
		{"ui-admin.account", json("GET", "/ui/account", SessionStore::BACKGROUND, {"GET", "/account", ""})},
		{"ui-admin.running", json("GET", "/ui/running", SessionStore::BACKGROUND, {"GET", "/running_channels", ""})},
		{"ui-admin.stop", json("POST", "/ui/stop", SessionStore::ACTIVE, {"POST", "/stop_stream", "{}"})},
		{"ui-admin.channels", std::make_shared<ChannelsRoute>(proxy, sessions, translations)},
		{"ui-admin.logos", std::make_shared<LogoRoute>(proxy, sessions, translations)},
		{"ui-admin.start", std::make_shared<StartRoute>(proxy, sessions, translations)},
		{"ui-admin.favourites", std::make_shared<FavouritesRoute>("GET", favourites, sessions, translations, logger)},
		{"ui-admin.favourites-set", std::make_shared<FavouritesRoute>("POST", favourites, sessions, translations, logger)},
		{"ui-admin.preview", std::make_shared<PreviewRoute>(PreviewPaths::PLAYLIST, proxy, sessions, translations)},
		{"ui-admin.preview-ll", std::make_shared<PreviewRoute>(PreviewPaths::LOW_LATENCY_PLAYLIST, proxy, sessions, translations)},
		{"ui-admin.preview-segments", std::make_shared<PreviewRoute>(PreviewPaths::MEDIA + "*", proxy, sessions, translations)},
	};
}

} // namespace uiadmin
