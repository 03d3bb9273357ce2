//
// PlayerSite.cpp
//

#include "PlayerSite.h"
#include "uiplayerWebAssets.h"
#include "restream/AcceptLanguage.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <cctype>

namespace restream {
namespace player {

namespace {

const std::vector<std::string> LANGUAGES = {"en", "fr"};
const char* const PAGE_CACHE = "no-cache";
const char* const VERSIONED_ASSET_CACHE = "public, max-age=31536000, immutable";
const char* const ASSET_CACHE = "public, max-age=300";

bool isHostName(const std::string& host)
	/// A DNS name or an IPv4 address, or a bracketed IPv6 address: nothing
	/// that could break out of an attribute or a CSP source.
{
	if (host.empty() || host.size() > 253) return false;
	if (host.front() == '[') return host.back() == ']' && host.find_first_not_of("0123456789abcdefABCDEF:.", 1) == host.size() - 1;
	for (const char c : host)
	{
		if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
	}
	return true;
}

std::string pageText(const WebAssets& assets)
{
	const WebAsset* page = assets.find("/");
	if (!page) throw Poco::NotFoundException("the player's page is missing from the plugin (a broken build)");
	return WebAssets::text(*page);
}

} // namespace

PlayerSite::PlayerSite(PlayerSettings settings):
	_settings(std::move(settings)),
	_assets(uiplayer::webAssets()),
	_page(pageText(_assets))
{
	const WebAsset* strings = _assets.find("/strings.json");
	if (!strings) throw Poco::NotFoundException("the player's page is missing from the plugin (a broken build)");
	Poco::JSON::Parser parser;
	const auto all = parser.parse(WebAssets::text(*strings)).extract<Poco::JSON::Object::Ptr>();
	for (const auto& language : LANGUAGES)
	{
		auto table = all->getObject(language);
		if (!table) throw Poco::DataFormatException("the player's strings lack the language " + language);
		_strings[language] = table;
	}
}

void PlayerSite::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) const
{
	const std::string& method = request.getMethod();
	if (method != Poco::Net::HTTPRequest::HTTP_GET && method != Poco::Net::HTTPRequest::HTTP_HEAD)
	{
		response.set("Allow", "GET, HEAD");
		return sendText(response, Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "Method not allowed");
	}
	std::string path = request.getURI();
	const auto query = path.find('?');
	const std::string version = query == std::string::npos || path.compare(query, 3, "?v=") != 0 ? "" : path.substr(query + 3);
	if (query != std::string::npos) path.erase(query);

	if (path == "/") return sendPage(request, response);
	const WebAsset* asset = _assets.find(path);
	if (!asset || path == "/strings.json") return sendText(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "Not found");
	// Cached for good only under the URL of this very content: an old page's URL after an upgrade
	// (or a rollback) must not pin another version for a year.
	const bool current = !version.empty() && "\"" + version + "\"" == _assets.etag(*asset);
	_assets.send(*asset, request, response, current ? VERSIONED_ASSET_CACHE : ASSET_CACHE);
}

void PlayerSite::sendPage(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) const
{
	const std::string apiUrl = apiUrlFor(request);
	if (apiUrl.empty()) return sendText(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "Bad Host header");
	const std::string language = AcceptLanguage::choose(request.get("Accept-Language", ""), LANGUAGES, "en");
	const std::string apiOrigin = originOf(apiUrl);
	const std::string page = renderPage(language, apiUrl);

	response.set("Content-Security-Policy",
		"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
		"connect-src 'self' " + apiOrigin + "; media-src 'self' blob: " + apiOrigin + "; worker-src 'self' blob:; "
		"manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors " + _settings.frameAncestors);
	response.set("Referrer-Policy", "no-referrer");
	response.set("X-Content-Type-Options", "nosniff");
	response.set("Cross-Origin-Opener-Policy", "same-origin");
	response.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
	response.set("Content-Language", language);
	response.set("Vary", "Accept-Language");
	response.set("Cache-Control", PAGE_CACHE);
	response.setContentType("text/html; charset=utf-8");
	response.setContentLength(static_cast<std::streamsize>(page.size()));
	if (request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD)
		response.send();
	else
		response.sendBuffer(page.data(), page.size());
}

void PlayerSite::sendText(Poco::Net::HTTPServerResponse& response, int status, const std::string& text) const
{
	response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
	response.setContentType("text/plain; charset=utf-8");
	response.set("X-Content-Type-Options", "nosniff");
	response.setContentLength(static_cast<std::streamsize>(text.size()));
	response.sendBuffer(text.data(), text.size());
}

std::string PlayerSite::apiUrlFor(const Poco::Net::HTTPServerRequest& request) const
{
	if (!_settings.apiUrl.empty()) return _settings.apiUrl;
	std::string host = request.getHost();
	const auto colon = host.rfind(':');
	if (colon != std::string::npos && host.find(']', colon) == std::string::npos) host.erase(colon);
	if (!isHostName(host)) return "";
	return "http://" + Poco::toLower(host) + ":" + std::to_string(_settings.apiPort);
}

std::string PlayerSite::renderPage(const std::string& language, const std::string& apiUrl) const
{
	const auto version = [this](const std::string& path) {
		std::string etag = _assets.etag(*_assets.find(path));
		Poco::removeInPlace(etag, '"');
		return path + "?v=" + etag;
	};
	return _page.render(
		{
			{"lang", language},
			{"apiUrl", apiUrl},
			{"title", _settings.title},
			{"script", version("/assets/player.js")},
			{"style", version("/assets/player.css")},
		},
		*_strings.at(language));
}

std::string PlayerSite::originOf(const std::string& url)
{
	const Poco::URI uri(url);
	const std::string scheme = Poco::toLower(uri.getScheme());
	std::string host = Poco::toLower(uri.getHost());
	if (host.find(':') != std::string::npos) host = "[" + host + "]";
	std::string origin = scheme + "://" + host;
	const bool defaultPort = (scheme == "http" && uri.getPort() == 80) || (scheme == "https" && uri.getPort() == 443);
	if (!defaultPort) origin += ":" + std::to_string(uri.getPort());
	return origin;
}

} // namespace player
} // namespace restream
