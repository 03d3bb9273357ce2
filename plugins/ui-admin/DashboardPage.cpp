//
// DashboardPage.cpp
//

#include "DashboardPage.h"
#include "Cookies.h"

namespace uiadmin {

DashboardPage::DashboardPage(std::shared_ptr<const Pages> pages, std::shared_ptr<SessionStore> sessions, TunerUrl tunerUrl):
	AdminRoute("GET", "/"),
	_pages(std::move(pages)),
	_sessions(std::move(sessions)),
	_tunerUrl(std::move(tunerUrl))
{
}

void DashboardPage::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	if (_pages->switchLanguage(request, *response)) return;
	AdminSession session;
	const SessionStore::Lookup lookup = Cookies::session(*_sessions, request, session);
	if (lookup == SessionStore::EXPIRED)
		return Pages::redirect(*response, "/login?expired=1", 302, {Cookies::make(request, Cookies::SESSION, "", 0, true)});
	if (lookup != SessionStore::FOUND) return Pages::redirect(*response, "/login", 302);
	_pages->send(*response, 200, _pages->translations().languageOf(request), Pages::DASHBOARD,
		{{"csrf", session.csrfToken}, {"user", session.username}, {"tunerUrl", _tunerUrl(request)}});
}

} // namespace uiadmin
