//
// AdminSettings.h
//
// The ui-admin plugin's configuration, read once at start.
//

#ifndef restream_admin_AdminSettings_INCLUDED
#define restream_admin_AdminSettings_INCLUDED

#include <Poco/Timespan.h>
#include <Poco/Types.h>
#include <cstddef>
#include <string>

namespace restream {
namespace admin {

struct AdminSettings
	/// A value type.
{
	std::string apiUrl = "http://127.0.0.1:8002";
		/// Where the admin reaches the API, without a trailing slash.
	Poco::Timespan apiTimeout = Poco::Timespan(10, 0);
	std::string allowedNetworks;
	std::string allowedHosts;    /// host names beyond the local ones (HostAllowlist)
	Poco::Timespan sessionIdleTimeout = Poco::Timespan(60 * 60, 0);
	std::size_t maxSessions = 64;
	Poco::UInt16 playerPort = 8003;
		/// The player port in the share URL when publicPlayerUrl is empty.
	std::string publicApiUrl;    /// public.apiUrl, without a trailing slash
	std::string publicPlayerUrl; /// public.playerUrl, without a trailing slash
	std::string stateDirectory;  /// where favourites are kept
};

} // namespace admin
} // namespace restream

#endif // restream_admin_AdminSettings_INCLUDED
