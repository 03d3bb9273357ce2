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
	/// Connections are served by the shared I/O threads (http.ioThreads);
	/// these bound what one port gives its clients.
{
	std::string name;             /// "admin", "api", "player", "tuner", ...
	std::string address;          /// bind address
	unsigned port = 0;            /// 0: an ephemeral port
	bool lanOnly = false;         /// only LAN clients (ClientAddress::lan) under LAN host names (HostNameGuard)
	int maxThreads = 64;          /// worker threads at most, for routes that may block (Route::quick() false)
	int maxQueued = 256;          /// requests waiting for a worker thread; more are answered 503
	int maxConnectionsPerAddress = 256;                     /// open connections per client address (trusted proxies exempt)
	bool keepAlive = true;        /// HTTP/1.1 persistent connections
	Poco::Timespan headerTimeout = Poco::Timespan(5, 0);    /// a request head, first byte to last (slow clients are cut off)
	Poco::Timespan keepAliveTimeout = Poco::Timespan(5, 0); /// idle time before a kept-alive connection closes
	int maxKeepAliveRequests = 1000;                        /// requests per connection
	Poco::Timespan readTimeout = Poco::Timespan(10, 0);     /// a request body, and each write making no progress
	Poco::Timespan requestTimeout = Poco::Timespan(60, 0);  /// a whole request, first byte to the last of the answer (streams excepted)
	std::size_t streamBacklog = 8 * 1024 * 1024;            /// bytes a streaming viewer may fall behind before it is dropped
};

} // namespace restream::host

#endif // restream_host_PortSettings_INCLUDED
