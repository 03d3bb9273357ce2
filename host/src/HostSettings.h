//
// HostSettings.h
//

#ifndef restream_HostSettings_INCLUDED
#define restream_HostSettings_INCLUDED

#include "TrustedProxies.h"
#include <string>

namespace restream {

struct HostSettings
	/// The settings every plugin reads, kept in one place and read once at
	/// start: the public base URLs (public.apiUrl, public.playerUrl) and the
	/// trusted proxies (http.trustedProxies). Immutable after start.
{
	std::string publicApiUrl;
	std::string publicPlayerUrl;
	TrustedProxies trustedProxies;
};

} // namespace restream

#endif // restream_HostSettings_INCLUDED
