//
// PortSettings.h
//

#ifndef restream_host_PortSettings_INCLUDED
#define restream_host_PortSettings_INCLUDED

#include <Poco/Timespan.h>
#include <cstddef>
#include <string>

namespace restream::host {

struct PortSettings
	/// How one HTTP port is served (keys http.<name>.*). A value type.
	/// Poco's defaults (one shared pool of 16 threads, 64 queued connections,
	/// per-read timeouts only) starve with a dozen keep-alive HLS viewers;
	/// these are sized per port and configurable.
{
	std::string name;             /// "admin", "api", "player", "tuner", ...
	std::string address;          /// bind address
	unsigned port = 0;            /// 0: an ephemeral port
	bool lanOnly = false;         /// only LAN clients (ClientAddress::lan) under LAN host names (HostNameGuard)
	int minThreads = 4;           /// worker threads kept alive
	int maxThreads = 64;          /// worker threads at most: one per open connection
	int maxQueued = 256;          /// accepted connections waiting for a thread; more are closed
	bool keepAlive = true;        /// HTTP/1.1 persistent connections
	Poco::Timespan keepAliveTimeout = Poco::Timespan(5, 0);  /// idle time before a kept-alive connection closes
	int maxKeepAliveRequests = 1000;                        /// requests per connection
	Poco::Timespan readTimeout = Poco::Timespan(10, 0);     /// one read or write
	Poco::Timespan requestTimeout = Poco::Timespan(60, 0);  /// a whole request, headers to last byte of the answer (streams excepted)
	std::size_t streamBacklog = 8 * 1024 * 1024;            /// bytes a streaming viewer may fall behind before it is dropped
};

} // namespace restream::host

#endif // restream_host_PortSettings_INCLUDED
