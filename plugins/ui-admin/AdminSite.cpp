//
// AdminSite.cpp
//

#include "AdminSite.h"
#include "CsrfGuard.h"
#include "RandomToken.h"
#include "RedirectTarget.h"
#include "RequestOrigin.h"
#include "uiadminWebAssets.h"
#include "restream/AcceptLanguage.h"
#include "restream/JsonResponse.h"
#include "restream/PluginContext.h"
#include "restream/RequestBody.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <algorithm>
#include <sstream>

namespace restream {
namespace admin {

namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

const std::vector<std::string> LANGUAGES = {"en", "fr"};
const std::streamsize MAX_FORM = 16 * 1024;
const int LANGUAGE_COOKIE_AGE = 365 * 24 * 3600;
const char* const VERSIONED_ASSET_CACHE = "public, max-age=31536000, immutable";
const char* const ASSET_CACHE = "public, max-age=300";
const char* const CSP =
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: http: https:; connect-src 'self'; "
	"media-src 'self' blob:; worker-src 'self' blob:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

bool isLoopbackHost(const std::string& host)
{
	const std::string name = Poco::toLower(host);
	return name == "localhost" || name == "::1" || name == "[::1]" || name.compare(0, 4, "127.") == 0;
}

} // namespace

const std::string AdminSite::SESSION_COOKIE = "restream_admin";
const std::string AdminSite::CSRF_COOKIE = "restream_admin_csrf";
const std::string AdminSite::LANGUAGE_COOKIE = "restream_lang";

AdminSite::AdminSite(const AdminSettings& settings, const PluginContext& context):
	_settings(settings),
	_context(context),
	_guard(NetworkList(settings.allowedNetworks)),
	_hosts(settings.allowedHosts),
	_sessions(settings.sessionIdleTimeout, settings.maxSessions),
	_favourites(settings.stateDirectory),
	_api(settings.apiUrl, settings.apiTimeout),
	_endpoints(_api, _sessions, _favourites, context.logger()),
	_assets(uiadmin::webAssets())
{
	const WebAsset* strings = _assets.find("/_strings.json");
	const WebAsset* login = _assets.find("/_templates/login.html");
	const WebAsset* dashboard = _assets.find("/_templates/dashboard.html");
	const WebAsset* message = _assets.find("/_templates/message.html");
	if (!strings || !login || !dashboard || !message) throw Poco::NotFoundException("the admin's pages are missing from the plugin (a broken build)");
	Poco::JSON::Parser parser;
	const auto all = parser.parse(WebAssets::text(*strings)).extract<Poco::JSON::Object::Ptr>();
	for (const auto& language : LANGUAGES)
	{
		auto table = all->getObject(language);
		if (!table) throw Poco::DataFormatException("the admin's strings lack the language " + language);
		_strings[language] = table;
	}
	_loginPage.reset(new PageTemplate(WebAssets::text(*login)));
	_dashboardPage.reset(new PageTemplate(WebAssets::text(*dashboard)));
	_messagePage.reset(new PageTemplate(WebAssets::text(*message)));
}

void AdminSite::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	Call call{request, response, "", {}, "", "", false, "en"};
	try
	{
		call.language = languageOf(request);
		if (!admitted(call)) return;
		dispatch(call);
	}
	catch (const Poco::Net::NetException&)
	{
		throw; // the client has gone: the host logs it at debug level
	}
	catch (const Poco::Exception& exc)
	{
		_context.logger().error("%s %s failed: %s", request.getMethod(), call.path, exc.displayText());
		if (!response.sent()) sendMessage(call, Status::HTTP_INTERNAL_SERVER_ERROR, "errorTitle", text(call, "internalError"));
	}
	catch (const std::exception& exc)
	{
		_context.logger().error("%s %s failed: %s", request.getMethod(), call.path, std::string(exc.what()));
		if (!response.sent()) sendMessage(call, Status::HTTP_INTERNAL_SERVER_ERROR, "errorTitle", text(call, "internalError"));
	}
}

bool AdminSite::admitted(Call& call)
{
	Poco::Net::HTTPServerRequest& request = call.request;
	const Poco::Net::IPAddress peer = NetworkList::unmapped(request.clientAddress().host());
	const bool trusted = _context.isTrustedProxy(peer);
	call.client = _context.clientAddress(request);
	std::string refused;
	const auto isTrustedProxy = [this](const Poco::Net::IPAddress& address) { return _context.isTrustedProxy(address); };
	switch (_guard.check(peer, request, isTrustedProxy, refused))
	{
	case LanGuard::UNTRUSTED_FORWARDING:
		_context.logger().warning("Refused a request carrying a forwarded client address from %s, which is not a trusted proxy "
			"(http.trustedProxies)", peer.toString());
		sendMessage(call, Status::HTTP_FORBIDDEN, "forbiddenTitle", text(call, "forwardedRefused"));
		return false;
	case LanGuard::UNREADABLE_FORWARDING:
		_context.logger().warning("Refused a request from the proxy %s: its forwarding headers name no readable client address", peer.toString());
		sendMessage(call, Status::HTTP_FORBIDDEN, "forbiddenTitle", text(call, "forwardedUnreadable"));
		return false;
	case LanGuard::OUTSIDE_NETWORKS:
		_context.logger().warning("Refused a request from %s: not in plugins.ui-admin.allowedNetworks", refused);
		sendMessage(call, Status::HTTP_FORBIDDEN, "forbiddenTitle", text(call, "networkRefused"));
		return false;
	case LanGuard::ALLOWED:
		break;
	}
	call.secure = request.secure() || (trusted && Poco::icompare(Poco::trim(request.get("X-Forwarded-Proto", "")), "https") == 0);
	call.host = request.getHost();
	if (!RequestOrigin::validHost(call.host))
	{
		call.host.clear();
		sendMessage(call, Status::HTTP_BAD_REQUEST, "errorTitle", text(call, "badHost"));
		return false;
	}
	const std::string hostName = RequestOrigin::hostName(call.host);
	if (!_hosts.allows(hostName))
	{
		call.host.clear();
		_context.logger().warning("Refused a request for the host name '%s': not in plugins.ui-admin.allowedHosts", hostName);
		sendMessage(call, Status::HTTP_MISDIRECTED_REQUEST, "errorTitle", Poco::replace(text(call, "hostRefused"), std::string("{host}"), hostName));
		return false;
	}
	try
	{
		const Poco::URI uri(request.getURI());
		call.path = uri.getPath();
		call.query = uri.getQueryParameters();
	}
	catch (const Poco::SyntaxException&)
	{
		sendMessage(call, Status::HTTP_BAD_REQUEST, "errorTitle", text(call, "badRequest"));
		return false;
	}
	return true;
}

void AdminSite::dispatch(Call& call)
{
	const std::string& method = call.request.getMethod();
	const bool get = method == Poco::Net::HTTPRequest::HTTP_GET || method == Poco::Net::HTTPRequest::HTTP_HEAD;
	const bool post = method == Poco::Net::HTTPRequest::HTTP_POST;
	const std::string& path = call.path;

	if (path == "/favicon.svg" || path.compare(0, 8, "/assets/") == 0)
	{
		const WebAsset* asset = _assets.find(path);
		if (!asset) return sendMessage(call, Status::HTTP_NOT_FOUND, "notFoundTitle", text(call, "notFound"));
		if (!get)
		{
			call.response.set("Allow", "GET, HEAD");
			return sendMessage(call, Status::HTTP_METHOD_NOT_ALLOWED, "errorTitle", text(call, "methodNotAllowed"));
		}
		const std::string version = versionOf(*asset);
		const bool versioned =
			std::any_of(call.query.begin(), call.query.end(), [&version](const auto& p) { return p.first == "v" && p.second == version; });
		return _assets.send(*asset, call.request, call.response, versioned ? VERSIONED_ASSET_CACHE : ASSET_CACHE);
	}
	if (UiEndpoints::handles(path))
	{
		AdminSession session;
		const SessionStore::Lookup lookup = sessionOf(call, session, UiEndpoints::isBackground(path) ? SessionStore::BACKGROUND : SessionStore::ACTIVE);
		if (lookup != SessionStore::FOUND)
		{
			Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
			body->set("detail", text(call, lookup == SessionStore::EXPIRED ? "sessionExpired" : "signInFirst"));
			body->set("signed_out", true);
			return JsonResponse::send(call.response, Status::HTTP_UNAUTHORIZED, body);
		}
		if (!get)
		{
			if (!CsrfGuard::sameOrigin(call.request, RequestOrigin::origin(call.secure, call.host)))
				return JsonResponse::sendError(call.response, Status::HTTP_FORBIDDEN, "Cross-site request refused");
			if (!CsrfGuard::tokensMatch(session.csrfToken, call.request.get("X-CSRF-Token", "")))
				return JsonResponse::sendError(call.response, Status::HTTP_FORBIDDEN, "Missing or wrong CSRF token (X-CSRF-Token)");
		}
		return _endpoints.handle(call.request, call.response, session, path, call.query, call.client, text(call, "sessionExpired"));
	}
	const auto language = std::find_if(call.query.begin(), call.query.end(), [](const auto& p) { return p.first == "lang"; });
	if (get && (path == "/" || path == "/login") && language != call.query.end()) return switchLanguage(call, language->second);
	if (path == "/" && get) return dashboard(call);
	if (path == "/login" && get)
	{
		std::string next = "/";
		bool expired = false;
		for (const auto& parameter : call.query)
		{
			if (parameter.first == "next") next = RedirectTarget::safe(parameter.second);
			if (parameter.first == "expired") expired = true;
		}
		AdminSession session;
		if (sessionOf(call, session) == SessionStore::FOUND) return redirect(call, next, Status::HTTP_FOUND);
		return loginPage(call, Status::HTTP_OK, expired ? text(call, "sessionExpired") : "", next);
	}
	if (path == "/login" && post) return login(call);
	if (path == "/logout" && post) return logout(call);
	if (path == "/" || path == "/login" || path == "/logout")
	{
		call.response.set("Allow", path == "/logout" ? "POST" : (path == "/" ? "GET, HEAD" : "GET, HEAD, POST"));
		return sendMessage(call, Status::HTTP_METHOD_NOT_ALLOWED, "errorTitle", text(call, "methodNotAllowed"));
	}
	sendMessage(call, Status::HTTP_NOT_FOUND, "notFoundTitle", text(call, "notFound"));
}

void AdminSite::dashboard(Call& call)
{
	AdminSession session;
	const SessionStore::Lookup lookup = sessionOf(call, session);
	if (lookup == SessionStore::EXPIRED) setCookie(call, SESSION_COOKIE, "", 0, true);
	if (lookup != SessionStore::FOUND) return redirect(call, lookup == SessionStore::EXPIRED ? "/login?expired=1" : "/login", Status::HTTP_FOUND);

	const std::string hostName = RequestOrigin::hostName(call.host);
	const std::string playerUrl = _settings.publicPlayerUrl.empty()
		? "http://" + hostName + ":" + std::to_string(_settings.playerPort) + "/"
		: _settings.publicPlayerUrl + "/";
	std::string hlsUrl;
	if (!_settings.publicApiUrl.empty())
		hlsUrl = _settings.publicApiUrl + "/live.m3u8";
	else if (isLoopbackHost(Poco::URI(_settings.apiUrl).getHost()))
		hlsUrl = "http://" + hostName + ":" + std::to_string(_api.port()) + "/live.m3u8";
	else
		hlsUrl = _settings.apiUrl + "/live.m3u8"; // without a trailing slash (AdminSettings)

	auto values = commonValues(call);
	values["csrf"] = session.csrfToken;
	values["user"] = session.username;
	values["playerUrl"] = playerUrl;
	values["hlsUrl"] = hlsUrl;
	sendPage(call, Status::HTTP_OK, _dashboardPage->render(values, *_strings.at(call.language)));
}

void AdminSite::loginPage(Call& call, int status, const std::string& message, const std::string& next)
{
	std::string csrf = cookie(call, CSRF_COOKIE);
	if (!RandomToken::looksValid(csrf))
	{
		csrf = RandomToken::generate();
		setCookie(call, CSRF_COOKIE, csrf, -1, true);
	}
	auto values = commonValues(call);
	values["csrf"] = csrf;
	values["next"] = next;
	values["message"] = message;
	std::string encodedNext;
	Poco::URI::encode(next, "&=?#+%/", encodedNext);
	values["languageQuery"] = next == "/" ? "" : "&next=" + encodedNext;
	sendPage(call, status, _loginPage->render(values, *_strings.at(call.language)));
}

void AdminSite::login(Call& call)
{
	if (!CsrfGuard::sameOrigin(call.request, RequestOrigin::origin(call.secure, call.host)))
		return sendMessage(call, Status::HTTP_FORBIDDEN, "forbiddenTitle", text(call, "crossSiteRefused"));
	std::map<std::string, std::string> form;
	if (!readForm(call, form)) return;
	const std::string next = RedirectTarget::safe(form["next"]);
	if (!CsrfGuard::tokensMatch(cookie(call, CSRF_COOKIE), form["csrf"]))
		return loginPage(call, Status::HTTP_FORBIDDEN, text(call, "formExpired"), next);
	const std::string username = Poco::trim(form["username"]);
	const std::string& password = form["password"];
	if (username.empty() || password.empty()) return loginPage(call, Status::HTTP_BAD_REQUEST, text(call, "credentialsMissing"), next);

	Poco::JSON::Object::Ptr credentials = new Poco::JSON::Object;
	credentials->set("username", username);
	credentials->set("password", password);
	std::ostringstream body;
	credentials->stringify(body);
	ApiClient::Answer answer;
	try
	{
		answer = _api.call("POST", "/auth/login", body.str(), "", call.client);
	}
	catch (const Poco::Exception& exc)
	{
		_context.logger().warning("Sign-in impossible: the API at %s cannot be reached: %s", _api.baseUrl(), exc.displayText());
		return loginPage(call, Status::HTTP_BAD_GATEWAY, Poco::replace(text(call, "apiUnreachable"), std::string("{url}"), _api.baseUrl()), next);
	}
	if (answer.status == Status::HTTP_UNAUTHORIZED)
		return loginPage(call, Status::HTTP_UNAUTHORIZED, text(call, "wrongCredentials"), next);
	if (answer.status == Status::HTTP_TOO_MANY_REQUESTS)
	{
		std::string seconds = answer.retryAfter;
		if (seconds.empty() || seconds.size() > 6 || seconds.find_first_not_of("0123456789") != std::string::npos) seconds = "60";
		call.response.set("Retry-After", seconds);
		return loginPage(call, Status::HTTP_TOO_MANY_REQUESTS, Poco::replace(text(call, "tooManyAttempts"), std::string("{seconds}"), seconds), next);
	}
	std::string token;
	Poco::Int64 lifetime = 0;
	if (answer.status == Status::HTTP_OK)
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
		_context.logger().warning("Sign-in impossible: the API at %s answered HTTP %d", _api.baseUrl(), answer.status);
		return loginPage(call, Status::HTTP_BAD_GATEWAY,
			Poco::replace(text(call, "apiFailed"), std::string("{status}"), std::to_string(answer.status)), next);
	}
	const std::string previous = cookie(call, SESSION_COOKIE);
	if (RandomToken::looksValid(previous)) _sessions.remove(previous); // signing in again: the old session is worth nothing
	const Poco::Timestamp now;
	const AdminSession session = _sessions.create(username, token, now + lifetime * Poco::Timespan::SECONDS, now);
	_context.logger().information("User '%s' signed in to the admin from %s", username, call.client);
	setCookie(call, SESSION_COOKIE, session.id, -1, true);
	redirect(call, next, Status::HTTP_SEE_OTHER);
}

void AdminSite::logout(Call& call)
{
	if (!CsrfGuard::sameOrigin(call.request, RequestOrigin::origin(call.secure, call.host)))
		return sendMessage(call, Status::HTTP_FORBIDDEN, "forbiddenTitle", text(call, "crossSiteRefused"));
	std::map<std::string, std::string> form;
	if (!readForm(call, form)) return;
	AdminSession session;
	if (sessionOf(call, session) == SessionStore::FOUND)
	{
		if (!CsrfGuard::tokensMatch(session.csrfToken, form["csrf"]))
			return sendMessage(call, Status::HTTP_FORBIDDEN, "forbiddenTitle", text(call, "formExpired"));
		_sessions.remove(session.id);
		_context.logger().information("User '%s' signed out of the admin", session.username);
	}
	setCookie(call, SESSION_COOKIE, "", 0, true);
	redirect(call, "/login", Status::HTTP_SEE_OTHER);
}

void AdminSite::switchLanguage(Call& call, const std::string& language)
{
	if (std::find(LANGUAGES.begin(), LANGUAGES.end(), language) != LANGUAGES.end())
	{
		setCookie(call, LANGUAGE_COOKIE, language, LANGUAGE_COOKIE_AGE, false);
		call.language = language;
	}
	std::string location = call.path;
	for (const auto& parameter : call.query)
	{
		if (parameter.first != "next") continue;
		std::string encoded;
		Poco::URI::encode(RedirectTarget::safe(parameter.second), "&=?#+%/", encoded);
		location += "?next=" + encoded;
	}
	redirect(call, location, Status::HTTP_SEE_OTHER);
}

SessionStore::Lookup AdminSite::sessionOf(const Call& call, AdminSession& session, SessionStore::Use use)
{
	const std::string id = cookie(call, SESSION_COOKIE);
	if (!RandomToken::looksValid(id)) return SessionStore::MISSING;
	return _sessions.find(id, session, Poco::Timestamp(), use);
}

std::string AdminSite::cookie(const Call& call, const std::string& name) const
{
	Poco::Net::NameValueCollection cookies;
	call.request.getCookies(cookies);
	return cookies.get(name, "");
}

void AdminSite::setCookie(const Call& call, const std::string& name, const std::string& value, int maxAge, bool httpOnly) const
{
	Poco::Net::HTTPCookie cookie(name, value);
	cookie.setPath("/");
	cookie.setHttpOnly(httpOnly);
	cookie.setSecure(call.secure);
	cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
	cookie.setMaxAge(maxAge);
	call.response.addCookie(cookie);
}

bool AdminSite::readForm(Call& call, std::map<std::string, std::string>& fields)
{
	std::string body;
	if (RequestBody::isPresent(call.request) && (!call.request.hasContentLength() || call.request.getContentLength64() <= MAX_FORM))
		Poco::StreamCopier::copyToString(call.request.stream(), body, MAX_FORM + 1);
	if (static_cast<std::streamsize>(body.size()) > MAX_FORM || (call.request.hasContentLength() && call.request.getContentLength64() > MAX_FORM))
	{
		call.response.setKeepAlive(false);
		sendMessage(call, Status::HTTP_REQUEST_ENTITY_TOO_LARGE, "errorTitle", text(call, "badRequest"));
		return false;
	}
	Poco::Net::HTMLForm form;
	try
	{
		form.read(body);
	}
	catch (const Poco::Exception&)
	{
		sendMessage(call, Status::HTTP_BAD_REQUEST, "errorTitle", text(call, "badRequest"));
		return false;
	}
	for (const auto& field : form) fields[field.first] = field.second;
	return true;
}

std::string AdminSite::text(const Call& call, const std::string& key) const
{
	return _strings.at(call.language)->optValue<std::string>(key, key);
}

std::string AdminSite::languageOf(const Poco::Net::HTTPServerRequest& request) const
{
	Poco::Net::NameValueCollection cookies;
	request.getCookies(cookies);
	const std::string chosen = cookies.get(LANGUAGE_COOKIE, "");
	if (std::find(LANGUAGES.begin(), LANGUAGES.end(), chosen) != LANGUAGES.end()) return chosen;
	return AcceptLanguage::choose(request.get("Accept-Language", ""), LANGUAGES, "en");
}

std::map<std::string, std::string> AdminSite::commonValues(const Call& call) const
{
	const auto version = [this](const std::string& path) { return path + "?v=" + versionOf(*_assets.find(path)); };
	const std::string other = call.language == "fr" ? "en" : "fr";
	return {
		{"lang", call.language},
		{"otherLang", other},
		{"otherLangName", _strings.at(other)->optValue<std::string>("languageName", other)},
		{"style", version("/assets/admin.css")},
		{"script", version("/assets/admin.js")},
	};
}

std::string AdminSite::versionOf(const WebAsset& asset) const
{
	std::string etag = _assets.etag(asset);
	Poco::removeInPlace(etag, '"');
	return etag;
}

void AdminSite::sendPage(Call& call, int status, const std::string& html)
{
	setPageHeaders(call.response);
	call.response.setStatusAndReason(static_cast<Status>(status));
	call.response.set("Content-Language", call.language);
	call.response.set("Vary", "Accept-Language, Cookie");
	call.response.setContentType("text/html; charset=utf-8");
	call.response.setContentLength(static_cast<std::streamsize>(html.size()));
	if (call.request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD)
		call.response.send();
	else
		call.response.sendBuffer(html.data(), html.size());
}

void AdminSite::sendMessage(Call& call, int status, const std::string& titleKey, const std::string& message)
{
	auto values = commonValues(call);
	values["title"] = text(call, titleKey);
	values["message"] = message;
	values["status"] = std::to_string(status);
	sendPage(call, status, _messagePage->render(values, *_strings.at(call.language)));
}

void AdminSite::redirect(Call& call, const std::string& location, int status)
{
	setPageHeaders(call.response);
	call.response.set("Location", location);
	call.response.setStatusAndReason(static_cast<Status>(status));
	call.response.setContentLength(0);
	call.response.send();
}

void AdminSite::setPageHeaders(Poco::Net::HTTPServerResponse& response) const
{
	response.set("Content-Security-Policy", CSP);
	// not no-referrer: with it, browsers send "Origin: null" on form POSTs, and the Origin check needs the
	// real one; same-origin still sends nothing to other sites (channel logos)
	response.set("Referrer-Policy", "same-origin");
	response.set("X-Content-Type-Options", "nosniff");
	response.set("X-Frame-Options", "DENY");
	response.set("Cross-Origin-Opener-Policy", "same-origin");
	response.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
	response.set("Cache-Control", "no-store");
}

} // namespace admin
} // namespace restream
