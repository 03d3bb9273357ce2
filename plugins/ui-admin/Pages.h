//
// Pages.h
//
// The admin's HTML pages: rendered in the browser's language, sent with the
// security headers.
//

#ifndef uiadmin_Pages_INCLUDED
#define uiadmin_Pages_INCLUDED

#include "Translations.h"
#include "restream/PageTemplate.h"
#include "restream/RouteRequest.h"
#include "restream/RouteResponse.h"
#include "restream/WebAssets.h"
#include <map>
#include <memory>
#include <string>

namespace uiadmin {

class Pages
	/// The three page templates embedded in the plugin (sign-in, dashboard,
	/// message), rendered with the strings of one language (Translations)
	/// and values that PageTemplate escapes. Every page and every redirect
	/// carries SecurityHeaders; a page also says its Content-Language and
	/// Vary: Accept-Language, Cookie. Pages link the script and the style
	/// with ?v=<their ETag>, which restream::AssetRoute caches for a year.
	///
	/// Immutable after construction; any thread.
	/// Errors: the constructor throws Poco::NotFoundException when a
	/// template or asset is missing (a broken build); the rest throws only
	/// Poco::SystemException when the kernel gives no randomness for a
	/// sign-in form's token.
{
public:
	enum Page
	{
		LOGIN,
		DASHBOARD,
		MESSAGE
	};

	using Headers = restream::RouteResponse::Headers;
	using Values = std::map<std::string, std::string>;

	Pages(const restream::WebAssets& assets, std::shared_ptr<const Translations> translations);

	const Translations& translations() const;

	void send(restream::RouteResponse& response, int status, const std::string& language, Page page, Values values,
		Headers headers = Headers()) const;
		/// Sends page rendered with values (plus the language, the other
		/// language and the script's and style's URLs) after headers.

	void sendMessage(restream::RouteResponse& response, int status, const std::string& language, const std::string& titleKey,
		const std::string& message, Headers headers = Headers()) const;
		/// Sends the message page: HTTP status, the title of titleKey, message.

	void sendLogin(const restream::RouteRequest& request, restream::RouteResponse& response, int status, const std::string& language,
		const std::string& message, const std::string& next, Headers headers = Headers()) const;
		/// Sends the sign-in form, message shown above it (none when empty),
		/// next (a RedirectTarget) carried through the form. The form's
		/// CSRF token is the CSRF cookie's, set here when the browser has
		/// none yet (double submit: LoginForm compares both).

	bool switchLanguage(const restream::RouteRequest& request, restream::RouteResponse& response) const;
		/// For a page asked with ?lang=: keeps a known language in the
		/// LANGUAGE cookie and redirects (303) to the same page without it
		/// (a next= kept, made safe). Returns false, having sent nothing,
		/// when there is no ?lang=.

	static void redirect(restream::RouteResponse& response, const std::string& location, int status, Headers headers = Headers());
		/// Sends a redirect to location, a path of the admin.

private:
	std::shared_ptr<const Translations> _translations;
	std::map<Page, restream::PageTemplate> _templates;
	std::string _style;  /// the style sheet's versioned URL
	std::string _script; /// the script's versioned URL
};

} // namespace uiadmin

#endif // uiadmin_Pages_INCLUDED
