//
// LoginPage.h
//
// GET /login: the sign-in form.
//

#ifndef uiadmin_LoginPage_INCLUDED
#define uiadmin_LoginPage_INCLUDED

#include "AdminRoute.h"
#include "Pages.h"
#include "SessionStore.h"
#include <memory>

namespace uiadmin {

class LoginPage : public AdminRoute
	/// GET /login[?next=<path>][&expired=1]: the sign-in form (Pages::sendLogin()),
	/// saying the session expired when asked to. A browser already signed
	/// in goes on to next at once (302). next is confined to the admin's
	/// own paths (RedirectTarget): anything else means "/". ?lang= switches
	/// the language.
	/// Threads: any. Errors: see Pages.
{
public:
	LoginPage(std::shared_ptr<const Pages> pages, std::shared_ptr<SessionStore> sessions);

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	const std::shared_ptr<const Pages> _pages;
	const std::shared_ptr<SessionStore> _sessions;
};

} // namespace uiadmin

#endif // uiadmin_LoginPage_INCLUDED
