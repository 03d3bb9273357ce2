//
// HostSettings.h
//

#ifndef restream_host_HostSettings_INCLUDED
#define restream_host_HostSettings_INCLUDED

#include "http/TrustedProxies.h"
#include <string>

namespace restream::host {

struct HostSettings
	/// The settings every plugin reads, kept in one place and read once at
	/// start: the public base URLs (public.apiUrl, public.playerUrl) and the
	/// trusted proxies (http.trustedProxies). Immutable after start.
{
	std::string publicApiUrl;
	std::string publicPlayerUrl;
	TrustedProxies trustedProxies;
};

} // namespace restream::host

#endif // restream_host_HostSettings_INCLUDED
