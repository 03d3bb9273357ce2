//
// LogoutForm.h
//
// POST /logout: signing out.
//

#ifndef uiadmin_LogoutForm_INCLUDED
#define uiadmin_LogoutForm_INCLUDED

#include "AdminRoute.h"
#include "Pages.h"
#include "SessionStore.h"
#include <memory>

namespace Poco {
class Logger;
}

namespace uiadmin {

class LogoutForm : public AdminRoute
	/// POST /logout with the form's csrf: refused (403 page) when the Origin
	/// or Sec-Fetch-Site says another site sent it, or when the session's
	/// CSRF token is not the form's; else the session ends, the cookie is
	/// deleted and the browser goes to /login (303). Without a session it
	/// only deletes the cookie.
	/// Threads: any. Errors: see Pages. The logger must outlive the route.
{
public:
	LogoutForm(std::shared_ptr<const Pages> pages, std::shared_ptr<SessionStore> sessions, Poco::Logger& logger);

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	const std::shared_ptr<const Pages> _pages;
	const std::shared_ptr<SessionStore> _sessions;
	Poco::Logger& _logger;
};

} // namespace uiadmin

#endif // uiadmin_LogoutForm_INCLUDED
