//
// AdminSettings.h
//
// The ui-admin plugin's configuration, read once at start.
//

#ifndef uiadmin_AdminSettings_INCLUDED
#define uiadmin_AdminSettings_INCLUDED

#include <Poco/Timespan.h>
#include <cstddef>
#include <string>

namespace uiadmin {

struct AdminSettings
	/// A value type; AdminPlugin::settings() declares the keys and their
	/// defaults, the host checks them.
{
	std::string apiUrl;
		/// Where the admin reaches the API, without a trailing slash; empty
		/// for the same process's API (PlaybackUrls::localUrl("api")).
	Poco::Timespan apiTimeout;
	Poco::Timespan sessionIdleTimeout;
	std::size_t maxSessions = 0;
	std::string stateDirectory; /// where favourites are kept
};

} // namespace uiadmin

#endif // uiadmin_AdminSettings_INCLUDED
