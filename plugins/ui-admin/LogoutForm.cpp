//
// LogoutForm.cpp
//

#include "LogoutForm.h"
#include "Cookies.h"
#include "CsrfGuard.h"
#include "FormFields.h"
#include <Poco/Logger.h>

namespace uiadmin {

LogoutForm::LogoutForm(std::shared_ptr<const Pages> pages, std::shared_ptr<SessionStore> sessions, Poco::Logger& logger):
	AdminRoute("POST", "/logout"),
	_pages(std::move(pages)),
	_sessions(std::move(sessions)),
	_logger(logger)
{
}

void LogoutForm::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	const Translations& translations = _pages->translations();
	const std::string language = translations.languageOf(request);
	if (!CsrfGuard::sameOrigin(request))
		return _pages->sendMessage(*response, 403, language, "forbiddenTitle", translations.text(language, "crossSiteRefused"));
	std::map<std::string, std::string> form;
	if (!FormFields::read(request.body, form))
		return _pages->sendMessage(*response, 400, language, "errorTitle", translations.text(language, "badRequest"));
	AdminSession session;
	if (Cookies::session(*_sessions, request, session) == SessionStore::FOUND)
	{
		if (!CsrfGuard::tokensMatch(session.csrfToken, form["csrf"]))
			return _pages->sendMessage(*response, 403, language, "forbiddenTitle", translations.text(language, "formExpired"));
		_sessions->remove(session.id);
		_logger.information("User '%s' signed out of the admin", session.username);
	}
	Pages::redirect(*response, "/login", 303, {Cookies::make(request, Cookies::SESSION, "", 0, true)});
}

} // namespace uiadmin
