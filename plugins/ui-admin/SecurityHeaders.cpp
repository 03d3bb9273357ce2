//
// SecurityHeaders.cpp
//

#include "SecurityHeaders.h"

namespace uiadmin {

restream::RouteResponse::Headers SecurityHeaders::page()
{
	return {
		{"Content-Security-Policy",
			"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
			"media-src 'self' blob:; worker-src 'self' blob:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
		// not no-referrer: with it, browsers send "Origin: null" on form POSTs, and the Origin check needs the
		// real one; same-origin still sends nothing to other sites
		{"Referrer-Policy", "same-origin"},
		{"X-Content-Type-Options", "nosniff"},
		{"X-Frame-Options", "DENY"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
		{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"},
		{"Cache-Control", "no-store"},
	};
}

} // namespace uiadmin
