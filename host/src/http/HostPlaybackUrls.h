//
// HostPlaybackUrls.h
//

#ifndef restream_host_HostPlaybackUrls_INCLUDED
#define restream_host_HostPlaybackUrls_INCLUDED

#include "plugins/ServiceRegistry.h"
#include "restream/PlaybackUrls.h"
#include <Poco/Mutex.h>
#include <map>
#include <string>

namespace restream::host {

class HostPlaybackUrls : public PlaybackUrls
	/// The host's PlaybackUrls: the ports' public URLs from one place
	/// (public.<port>Url, else http.<port>.port with the request's host
	/// name), and the PlaybackForm services in the registry.
	/// Threads: any; bound() during start, before the ports serve.
{
public:
	struct Port
	{
		std::string publicUrl; /// public.<port>Url without a trailing slash, empty when not set
		unsigned number = 0;    /// http.<port>.port as configured
	};

	HostPlaybackUrls(const ServiceRegistry& registry, std::map<std::string, Port> ports);

	void bound(const std::string& port, unsigned number);
		/// This process serves port on number (the bound one when configured 0).

	std::string portUrl(const std::string& port, const RouteRequest& request) const override;
	std::string localUrl(const std::string& port) const override;
	std::vector<PlaybackUrl> program(const RouteRequest& request) const override;
	std::vector<PlaybackUrl> channel(Poco::Int64 streamId, const RouteRequest& request) const override;

private:
	const ServiceRegistry& _registry;
	const std::map<std::string, Port> _ports;
	mutable Poco::FastMutex _mutex;
	std::map<std::string, unsigned> _bound;
};

} // namespace restream::host

#endif // restream_host_HostPlaybackUrls_INCLUDED
