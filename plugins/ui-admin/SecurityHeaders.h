//
// SecurityHeaders.h
//
// The headers every page and redirect of the admin carries.
//

#ifndef uiadmin_SecurityHeaders_INCLUDED
#define uiadmin_SecurityHeaders_INCLUDED

#include "restream/RouteResponse.h"

namespace uiadmin {

class SecurityHeaders
	/// A strict Content-Security-Policy (no inline script, everything from
	/// the admin itself, channel logos too (LogoRoute), images also from
	/// data:, media and workers from blob: for hls.js, no framing, forms
	/// only to the admin),
	/// Referrer-Policy same-origin, nosniff, X-Frame-Options DENY,
	/// Cross-Origin-Opener-Policy, a Permissions-Policy that denies camera,
	/// microphone, location and payment, and Cache-Control no-store (a page
	/// carries the session's CSRF token).
	/// Stateless; any thread. Errors: none.
{
public:
	static restream::RouteResponse::Headers page();
		/// The headers above, to which a page adds its own.
};

} // namespace uiadmin

#endif // uiadmin_SecurityHeaders_INCLUDED
