//
// AdminSite.h
//
// Everything the admin port answers.
//

#ifndef restream_admin_AdminSite_INCLUDED
#define restream_admin_AdminSite_INCLUDED

#include "AdminSettings.h"
#include "ApiClient.h"
#include "FavouritesStore.h"
#include "HostAllowlist.h"
#include "LanGuard.h"
#include "restream/PageTemplate.h"
#include "SessionStore.h"
#include "UiEndpoints.h"
#include "restream/WebAssets.h"
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>
#include <map>
#include <memory>
#include <string>

namespace Poco {
namespace Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Net
} // namespace Poco

namespace restream {

class PluginContext;

namespace admin {

class AdminSite
	/// The admin port: the LAN guard first, then the Host header (a name
	/// HostAllowlist refuses gets 421 Misdirected Request), then
	///   GET  /                 the dashboard (302 to /login without a session)
	///   GET  /login            the sign-in form; POST /login signs in through
	///                          the API's /auth/login (ending the session the
	///                          browser had, if any)
	///   POST /logout           ends the session
	///   /ui/..., /preview/...  the dashboard's JSON endpoints and preview
	///                          (UiEndpoints), for a signed-in session only
	///   GET  /assets/..., /favicon.svg  the embedded script, style and icon;
	///                          cached for a year when ?v= is the asset's ETag
	/// "?lang=en|fr" on a page keeps that language in a cookie; otherwise the
	/// language comes from Accept-Language.
	///
	/// Sessions live in memory on the server; the browser holds only the
	/// cookie "restream_admin" (HttpOnly, SameSite=Strict, Path=/, Secure when
	/// the request came over HTTPS). Every POST passes CsrfGuard: its Origin,
	/// and the session's CSRF token (before sign-in the "restream_admin_csrf"
	/// cookie's, double submit). Pages carry a strict CSP (no inline script,
	/// everything from the admin itself; channel logos from anywhere).
	///
	/// Threads: handle() is called from many threads at once; the stores
	/// lock. Errors: handle() answers every failure with a 4xx/5xx page or
	/// {"detail"} (never a stack); only Poco::Net exceptions of a client that
	/// has gone leave it. The context must outlive the site.
{
public:
	AdminSite(const AdminSettings& settings, const PluginContext& context);

	void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

	static const std::string SESSION_COOKIE;
	static const std::string CSRF_COOKIE;
	static const std::string LANGUAGE_COOKIE;

private:
	struct Call
		/// One request as the site sees it.
	{
		Poco::Net::HTTPServerRequest& request;
		Poco::Net::HTTPServerResponse& response;
		std::string path;       /// decoded path without the query
		Poco::URI::QueryParameters query;
		std::string client;     /// the browser's address
		std::string host;       /// the validated Host header
		bool secure = false;    /// came over HTTPS (directly or via a trusted proxy)
		std::string language;
	};

	void dispatch(Call& call);
	bool admitted(Call& call);
	void dashboard(Call& call);
	void loginPage(Call& call, int status, const std::string& message, const std::string& next);
	void login(Call& call);
	void logout(Call& call);
	void switchLanguage(Call& call, const std::string& language);

	SessionStore::Lookup sessionOf(const Call& call, AdminSession& session, SessionStore::Use use = SessionStore::ACTIVE);
	std::string cookie(const Call& call, const std::string& name) const;
	void setCookie(const Call& call, const std::string& name, const std::string& value, int maxAge, bool httpOnly) const;
	bool readForm(Call& call, std::map<std::string, std::string>& fields);
	std::string text(const Call& call, const std::string& key) const;
	std::string languageOf(const Poco::Net::HTTPServerRequest& request) const;
	std::map<std::string, std::string> commonValues(const Call& call) const;
	std::string versionOf(const WebAsset& asset) const;
		/// The asset's ETag without its quotes: the ?v= of its URL in the pages.

	void sendPage(Call& call, int status, const std::string& html);
	void sendMessage(Call& call, int status, const std::string& titleKey, const std::string& message);
	void redirect(Call& call, const std::string& location, int status);
	void setPageHeaders(Poco::Net::HTTPServerResponse& response) const;

	const AdminSettings _settings;
	const PluginContext& _context;
	LanGuard _guard;
	HostAllowlist _hosts;
	SessionStore _sessions;
	FavouritesStore _favourites;
	ApiClient _api;
	UiEndpoints _endpoints;
	WebAssets _assets;
	std::map<std::string, Poco::JSON::Object::Ptr> _strings; /// language → its strings
	std::unique_ptr<PageTemplate> _loginPage;
	std::unique_ptr<PageTemplate> _dashboardPage;
	std::unique_ptr<PageTemplate> _messagePage;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_AdminSite_INCLUDED
