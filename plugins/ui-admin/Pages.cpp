//
// Pages.cpp
//

#include "Pages.h"
#include "Cookies.h"
#include "RandomToken.h"
#include "RedirectTarget.h"
#include "SecurityHeaders.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace uiadmin {

namespace {

const int LANGUAGE_COOKIE_AGE = 365 * 24 * 3600;

const restream::WebAsset& assetOf(const restream::WebAssets& assets, const std::string& path)
{
	const restream::WebAsset* asset = assets.find(path);
	if (!asset) throw Poco::NotFoundException("the admin's " + path + " is missing from the plugin (a broken build)");
	return *asset;
}

std::string versioned(const restream::WebAssets& assets, const std::string& path)
{
	std::string etag = assets.etag(assetOf(assets, path));
	Poco::removeInPlace(etag, '"');
	return path + "?v=" + etag;
}

std::string encodedNext(const std::string& next)
{
	std::string encoded;
	Poco::URI::encode(RedirectTarget::safe(next), "&=?#+%/", encoded);
	return encoded;
}

} // namespace

Pages::Pages(const restream::WebAssets& assets, std::shared_ptr<const Translations> translations):
	_translations(std::move(translations)),
	_style(versioned(assets, "/assets/admin.css")),
	_script(versioned(assets, "/assets/admin.js"))
{
	_templates.emplace(LOGIN, restream::WebAssets::text(assetOf(assets, "/_templates/login.html")));
	_templates.emplace(DASHBOARD, restream::WebAssets::text(assetOf(assets, "/_templates/dashboard.html")));
	_templates.emplace(MESSAGE, restream::WebAssets::text(assetOf(assets, "/_templates/message.html")));
}

const Translations& Pages::translations() const
{
	return *_translations;
}

void Pages::send(restream::RouteResponse& response, int status, const std::string& language, Page page, Values values, Headers headers) const
{
	const std::string other = language == "fr" ? "en" : "fr";
	values["lang"] = language;
	values["otherLang"] = other;
	values["otherLangName"] = _translations->text(other, "languageName");
	values["style"] = _style;
	values["script"] = _script;
	const std::string html = _templates.at(page).render(values, _translations->table(language));

	Headers all = SecurityHeaders::page();
	all.insert(all.end(), headers.begin(), headers.end());
	all.emplace_back("Content-Language", language);
	all.emplace_back("Vary", "Accept-Language, Cookie");
	response.sendText(status, "text/html; charset=utf-8", html, all);
}

void Pages::sendMessage(restream::RouteResponse& response, int status, const std::string& language, const std::string& titleKey,
	const std::string& message, Headers headers) const
{
	send(response, status, language, MESSAGE,
		{{"title", _translations->text(language, titleKey)}, {"message", message}, {"status", std::to_string(status)}}, std::move(headers));
}

void Pages::sendLogin(const restream::RouteRequest& request, restream::RouteResponse& response, int status, const std::string& language,
	const std::string& message, const std::string& next, Headers headers) const
{
	std::string csrf = Cookies::read(request, Cookies::CSRF);
	if (!RandomToken::looksValid(csrf))
	{
		csrf = RandomToken::generate();
		headers.push_back(Cookies::make(request, Cookies::CSRF, csrf, -1, true));
	}
	send(response, status, language, LOGIN,
		{{"csrf", csrf}, {"next", next}, {"message", message}, {"languageQuery", next == "/" ? "" : "&next=" + encodedNext(next)}},
		std::move(headers));
}

bool Pages::switchLanguage(const restream::RouteRequest& request, restream::RouteResponse& response) const
{
	if (!request.hasParameter("lang")) return false;
	const std::string language = request.parameter("lang");
	Headers headers;
	if (Translations::isLanguage(language)) headers.push_back(Cookies::make(request, Cookies::LANGUAGE, language, LANGUAGE_COOKIE_AGE, false));
	std::string location = request.path;
	if (request.hasParameter("next")) location += "?next=" + encodedNext(request.parameter("next"));
	redirect(response, location, 303, std::move(headers));
	return true;
}

void Pages::redirect(restream::RouteResponse& response, const std::string& location, int status, Headers headers)
{
	Headers all = SecurityHeaders::page();
	all.insert(all.end(), headers.begin(), headers.end());
	all.emplace_back("Location", location);
	response.send(status, all, nullptr);
}

} // namespace uiadmin
