//
// Cookies.h
//
// The admin's cookies: reading them from a request, writing Set-Cookie, and
// the session a browser's cookie names.
//

#ifndef uiadmin_Cookies_INCLUDED
#define uiadmin_Cookies_INCLUDED

#include "SessionStore.h"
#include "restream/RouteRequest.h"
#include <string>
#include <utility>

namespace uiadmin {

class Cookies
	/// The browser holds three cookies, all Path=/ and SameSite=Strict, and
	/// Secure when the request came over HTTPS (RequestOrigin::secure()):
	///   - SESSION ("restream_admin", HttpOnly): the id of a session kept on
	///     the server (SessionStore); the cookie carries nothing else;
	///   - CSRF ("restream_admin_csrf", HttpOnly): the sign-in form's
	///     double-submit token, before a session exists;
	///   - LANGUAGE ("restream_lang"): "en" or "fr", chosen with ?lang=.
	/// Stateless; any thread. Errors: none.
{
public:
	static const std::string SESSION;
	static const std::string CSRF;
	static const std::string LANGUAGE;

	using Header = std::pair<std::string, std::string>;

	static std::string read(const restream::RouteRequest& request, const std::string& name);
		/// The value of the cookie name in the request's Cookie headers,
		/// empty when absent.

	static Header make(const restream::RouteRequest& request, const std::string& name, const std::string& value, int maxAge, bool httpOnly);
		/// A Set-Cookie header for the answer to request. maxAge in
		/// seconds; -1 for a cookie of the browser's session, 0 to delete it.

	static SessionStore::Lookup session(SessionStore& sessions, const restream::RouteRequest& request, AdminSession& session,
		SessionStore::Use use = SessionStore::ACTIVE);
		/// Looks up the session that the request's SESSION cookie names (see
		/// SessionStore::find()); MISSING when the cookie is absent or does
		/// not have the shape of an id (RandomToken), which is then never
		/// looked up.
};

} // namespace uiadmin

#endif // uiadmin_Cookies_INCLUDED
