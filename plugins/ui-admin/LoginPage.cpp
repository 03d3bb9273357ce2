//
// LoginPage.cpp
//

#include "LoginPage.h"
#include "Cookies.h"
#include "RedirectTarget.h"

namespace uiadmin {

LoginPage::LoginPage(std::shared_ptr<const Pages> pages, std::shared_ptr<SessionStore> sessions):
	AdminRoute("GET", "/login"),
	_pages(std::move(pages)),
	_sessions(std::move(sessions))
{
}

void LoginPage::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	if (_pages->switchLanguage(request, *response)) return;
	const std::string next = RedirectTarget::safe(request.parameter("next", "/"));
	AdminSession session;
	if (Cookies::session(*_sessions, request, session) == SessionStore::FOUND) return Pages::redirect(*response, next, 302);
	const std::string language = _pages->translations().languageOf(request);
	const std::string message = request.hasParameter("expired") ? _pages->translations().text(language, "sessionExpired") : "";
	_pages->sendLogin(request, *response, 200, language, message, next);
}

} // namespace uiadmin
