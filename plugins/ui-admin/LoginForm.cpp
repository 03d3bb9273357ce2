//
// LoginForm.cpp
//

#include "LoginForm.h"
#include "Cookies.h"
#include "CsrfGuard.h"
#include "FormFields.h"
#include "RandomToken.h"
#include "RedirectTarget.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <sstream>

namespace uiadmin {

LoginForm::LoginForm(std::shared_ptr<const Pages> pages, std::shared_ptr<SessionStore> sessions, std::shared_ptr<const ApiClient> api,
	Poco::Logger& logger):
	AdminRoute("POST", "/login"),
	_pages(std::move(pages)),
	_sessions(std::move(sessions)),
	_api(std::move(api)),
	_logger(logger)
{
}

void LoginForm::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	const Translations& translations = _pages->translations();
	const std::string language = translations.languageOf(request);
	const auto text = [&](const std::string& key) { return translations.text(language, key); };
	if (!CsrfGuard::sameOrigin(request)) return _pages->sendMessage(*response, 403, language, "forbiddenTitle", text("crossSiteRefused"));
	std::map<std::string, std::string> form;
	if (!FormFields::read(request.body, form)) return _pages->sendMessage(*response, 400, language, "errorTitle", text("badRequest"));
	const std::string next = RedirectTarget::safe(form["next"]);
	const auto again = [&](int status, const std::string& message, Pages::Headers headers = Pages::Headers()) {
		_pages->sendLogin(request, *response, status, language, message, next, std::move(headers));
	};
	if (!CsrfGuard::tokensMatch(Cookies::read(request, Cookies::CSRF), form["csrf"])) return again(403, text("formExpired"));
	const std::string username = Poco::trim(form["username"]);
	const std::string& password = form["password"];
	if (username.empty() || password.empty()) return again(400, text("credentialsMissing"));

	Poco::JSON::Object credentials;
	credentials.set("username", username);
	credentials.set("password", password);
	std::ostringstream body;
	credentials.stringify(body);
	ApiClient::Answer answer;
	try
	{
		answer = _api->call("POST", "/auth/login", body.str(), "", request);
	}
	catch (const Poco::Exception& exc)
	{
		_logger.warning("Sign-in impossible: the API at %s cannot be reached: %s", _api->baseUrl(), exc.displayText());
		return again(502, Poco::replace(text("apiUnreachable"), std::string("{url}"), _api->baseUrl()));
	}
	if (answer.status == 401) return again(401, text("wrongCredentials"));
	if (answer.status == 429)
	{
		std::string seconds = answer.retryAfter;
		if (seconds.empty() || seconds.size() > 6 || seconds.find_first_not_of("0123456789") != std::string::npos) seconds = "60";
		return again(429, Poco::replace(text("tooManyAttempts"), std::string("{seconds}"), seconds), {{"Retry-After", seconds}});
	}
	std::string token;
	Poco::Int64 lifetime = 0;
	if (answer.status == 200)
	{
		try
		{
			const auto granted = Poco::JSON::Parser().parse(answer.body).extract<Poco::JSON::Object::Ptr>();
			token = granted->optValue<std::string>("access_token", "");
			lifetime = granted->optValue<Poco::Int64>("expires_in", 0);
		}
		catch (const Poco::Exception&)
		{
			token.clear();
		}
	}
	if (token.empty() || lifetime <= 0)
	{
		_logger.warning("Sign-in impossible: the API at %s answered HTTP %d", _api->baseUrl(), answer.status);
		return again(502, Poco::replace(text("apiFailed"), std::string("{status}"), std::to_string(answer.status)));
	}
	const std::string previous = Cookies::read(request, Cookies::SESSION);
	if (RandomToken::looksValid(previous)) _sessions->remove(previous); // signing in again: the old session is worth nothing
	const Poco::Timestamp now;
	const AdminSession session = _sessions->create(username, token, now + lifetime * Poco::Timespan::SECONDS, now);
	_logger.information("User '%s' signed in to the admin from %s", username, request.clientAddress);
	Pages::redirect(*response, next, 303, {Cookies::make(request, Cookies::SESSION, session.id, -1, true)});
}

} // namespace uiadmin
