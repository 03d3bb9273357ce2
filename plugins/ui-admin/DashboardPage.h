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
#include <memory>

namespace uiadmin {

class DashboardPage : public AdminRoute
	/// GET /: the dashboard for a signed-in session, carrying the session's
	/// CSRF token for the script; everything else it shows comes from the
	/// /ui/... endpoints. Without a session, 302 to /login (/login?expired=1,
	/// the cookie deleted, when the session timed out). ?lang= switches the
	/// language (Pages::switchLanguage()).
	/// Threads: any. Errors: see Pages.
{
public:
	DashboardPage(std::shared_ptr<const Pages> pages, std::shared_ptr<SessionStore> sessions);

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	const std::shared_ptr<const Pages> _pages;
	const std::shared_ptr<SessionStore> _sessions;
};

} // namespace uiadmin

#endif // uiadmin_DashboardPage_INCLUDED
