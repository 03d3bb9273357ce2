//
// CsrfGuard.h
//
// The checks every state-changing request passes.
//

#ifndef uiadmin_CsrfGuard_INCLUDED
#define uiadmin_CsrfGuard_INCLUDED

#include "restream/RouteRequest.h"
#include <Poco/Net/NameValueCollection.h>
#include <string>

namespace uiadmin {

class CsrfGuard
	/// Cross-site request forgery defences for POSTs:
	///   - the browser's own word: an Origin header that is not the admin's
	///     own origin (or "null"), or Sec-Fetch-Site other than same-origin
	///     or none, is refused;
	///   - a token the page received (a <meta> for scripts, a hidden field for
	///     forms) must come back and equal the session's (or, before sign-in,
	///     the CSRF cookie's: double submit), compared in constant time.
	/// Stateless; any thread. Errors: none.
{
public:
	static bool sameOrigin(const Poco::Net::NameValueCollection& headers, const std::string& ownOrigin);
		/// False when the request's Origin or Sec-Fetch-Site says it comes
		/// from another site. A request without either passes (old browsers,
		/// curl): the token is then the defence.

	static bool sameOrigin(const restream::RouteRequest& request);
		/// sameOrigin(request.headers, RequestOrigin::origin(request)).

	static bool tokensMatch(const std::string& expected, const std::string& given);
		/// True when both are non-empty and equal; the time taken does not
		/// depend on where they differ.
};

} // namespace uiadmin

#endif // uiadmin_CsrfGuard_INCLUDED
