//
// DashboardPage.h
//
// GET /: the dashboard.
//

#ifndef uiadmin_DashboardPage_INCLUDED
#define uiadmin_DashboardPage_INCLUDED

#include "AdminRoute.h"
#include "Pages.h"
#include "SessionStore.h"
#include <functional>
#include <memory>
#include <string>

namespace uiadmin {

class DashboardPage : public AdminRoute
	/// GET /: the dashboard for a signed-in session, carrying the session's
	/// CSRF token for the script; everything else it shows comes from the
	/// /ui/... endpoints, except the tuner port's base URL as this browser
	/// reaches it (media centres are pointed there). Without a session, 302
	/// to /login (/login?expired=1,
	/// the cookie deleted, when the session timed out). ?lang= switches the
	/// language (Pages::switchLanguage()).
	/// Threads: any. Errors: see Pages.
{
public:
	using TunerUrl = std::function<std::string(const restream::RouteRequest&)>;
		/// The tuner port's base URL for a request (PlaybackUrls::portUrl).

	DashboardPage(std::shared_ptr<const Pages> pages, std::shared_ptr<SessionStore> sessions, TunerUrl tunerUrl);

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	const std::shared_ptr<const Pages> _pages;
	const std::shared_ptr<SessionStore> _sessions;
	const TunerUrl _tunerUrl;
};

} // namespace uiadmin

#endif // uiadmin_DashboardPage_INCLUDED
