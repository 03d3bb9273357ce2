//
// LoginForm.h
//
// POST /login: signing in through the API.
//

#ifndef uiadmin_LoginForm_INCLUDED
#define uiadmin_LoginForm_INCLUDED

#include "AdminRoute.h"
#include "ApiClient.h"
#include "Pages.h"
#include "SessionStore.h"
#include <memory>

namespace Poco {
class Logger;
}

namespace uiadmin {

class LoginForm : public AdminRoute
	/// POST /login with the form's username, password, csrf and next:
	///   - refused (403 page) when the Origin or Sec-Fetch-Site says another
	///     site sent it (CsrfGuard), or (403 form) when the csrf field is not
	///     the CSRF cookie's;
	///   - the credentials go to the API's POST /auth/login as JSON, on
	///     behalf of the browser (ApiClient: its address in X-Forwarded-For);
	///   - 401 and 429 (with Retry-After) from the API show the form again
	///     with a sentence; an API that cannot be reached or answers
	///     anything else gives 502 with the form;
	///   - granted: the session the browser had, if any, ends; a new one
	///     keeps the API's token on the server; 303 to next (RedirectTarget).
	/// The password is never logged, shown or kept.
	/// Threads: any. Errors: see Pages. The logger must outlive the route.
{
public:
	LoginForm(std::shared_ptr<const Pages> pages, std::shared_ptr<SessionStore> sessions, std::shared_ptr<const ApiClient> api,
		Poco::Logger& logger);

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	const std::shared_ptr<const Pages> _pages;
	const std::shared_ptr<SessionStore> _sessions;
	const std::shared_ptr<const ApiClient> _api;
	Poco::Logger& _logger;
};

} // namespace uiadmin

#endif // uiadmin_LoginForm_INCLUDED
