//
// PlayerPage.cpp
//

#include "PlayerPage.h"
#include "restream/AcceptLanguage.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace uiplayer {

namespace {

const std::vector<std::string> LANGUAGES = {"en", "fr"};

const restream::WebAsset& assetOf(const restream::WebAssets& assets, const std::string& path)
{
	const restream::WebAsset* asset = assets.find(path);
	if (!asset) throw Poco::NotFoundException("the player's " + path + " is missing from the plugin (a broken build)");
	return *asset;
}

std::string versioned(const restream::WebAssets& assets, const std::string& path)
{
	std::string etag = assets.etag(assetOf(assets, path));
	Poco::removeInPlace(etag, '"');
	return path + "?v=" + etag;
}

bool isPlainHost(const std::string& host)
	/// A DNS name or an IPv4 address, or an IPv6 address without a zone (as
	/// Poco::URI gives it, without brackets): nothing that could leave an
	/// attribute or a CSP source.
{
	if (host.empty() || host.size() > 253) return false;
	Poco::Net::IPAddress address;
	if (host.find(':') != std::string::npos)
		return host.find_first_not_of("0123456789abcdefABCDEF:.") == std::string::npos && Poco::Net::IPAddress::tryParse(host, address);
	return host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") == std::string::npos;
}

} // namespace

PlayerPage::PlayerPage(PlayerSettings settings, const restream::WebAssets& assets, ApiPortUrl apiPortUrl):
	PlayerRoute("/"),
	_settings(std::move(settings)),
	_apiPortUrl(std::move(apiPortUrl)),
	_page(restream::WebAssets::text(assetOf(assets, "/"))),
	_script(versioned(assets, "/assets/player.js")),
	_style(versioned(assets, "/assets/player.css"))
{
	const auto all = Poco::JSON::Parser().parse(restream::WebAssets::text(assetOf(assets, "/strings.json"))).extract<Poco::JSON::Object::Ptr>();
	for (const auto& language : LANGUAGES)
	{
		auto table = all->getObject(language);
		if (!table) throw Poco::DataFormatException("the player's strings lack the language " + language);
		_strings[language] = table;
	}
}

void PlayerPage::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	const std::string configured = _settings.apiUrl.empty() ? _apiPortUrl(request) : _settings.apiUrl;
	const std::string apiUrl = plainUrl(configured, true);
	const std::string apiOrigin = plainUrl(configured, false);
	if (apiUrl.empty() || apiOrigin.empty())
		return response->sendText(400, "text/plain; charset=utf-8", "Bad Host header", {{"X-Content-Type-Options", "nosniff"}});
	const std::string language = restream::AcceptLanguage::choose(request.header("Accept-Language"), LANGUAGES, "en");
	std::string page = _page.render(
		{
			{"lang", language},
			{"apiUrl", apiUrl},
			{"title", _settings.title},
			{"script", _script},
			{"style", _style},
		},
		*_strings.at(language));
	response->sendText(200, "text/html; charset=utf-8", std::move(page),
		{
			{"Content-Security-Policy",
				"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' " + apiOrigin +
					"; media-src 'self' blob: " + apiOrigin + "; worker-src 'self' blob:; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
					"frame-ancestors " + _settings.frameAncestors},
			{"Referrer-Policy", "no-referrer"},
			{"X-Content-Type-Options", "nosniff"},
			{"Cross-Origin-Opener-Policy", "same-origin"},
			{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"},
			{"Content-Language", language},
			{"Vary", "Accept-Language"},
			{"Cache-Control", "no-cache"},
		});
}

std::string PlayerPage::plainUrl(const std::string& url, bool withPath)
{
	try
	{
		const Poco::URI uri(url);
		const std::string scheme = Poco::toLower(uri.getScheme());
		if ((scheme != "http" && scheme != "https") || !isPlainHost(uri.getHost()) || !uri.getUserInfo().empty() || !uri.getRawQuery().empty() ||
			!uri.getFragment().empty())
			return "";
		Poco::URI plain;
		plain.setScheme(scheme);
		plain.setHost(Poco::toLower(uri.getHost()));
		plain.setPort(uri.getPort());
		if (withPath)
		{
			std::string path = uri.getPath();
			while (!path.empty() && path.back() == '/') path.pop_back();
			plain.setPath(path);
		}
		return plain.toString();
	}
	catch (const Poco::SyntaxException&)
	{
		return "";
	}
}

} // namespace uiplayer
