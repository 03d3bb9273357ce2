//
// HostPlaybackUrls.cpp
//

#include "http/HostPlaybackUrls.h"
#include "net/HostNameGuard.h"
#include "restream/PlaybackForm.h"
#include <Poco/NumberParser.h>

namespace restream::host {

HostPlaybackUrls::HostPlaybackUrls(const ServiceRegistry& registry, std::map<std::string, Port> ports):
	_registry(registry),
	_ports(std::move(ports))
{
}

void HostPlaybackUrls::bound(const std::string& port, unsigned number)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_bound[port] = number;
}

std::string HostPlaybackUrls::portUrl(const std::string& port, const RouteRequest& request) const
{
	const auto found = _ports.find(port);
	if (found != _ports.end() && !found->second.publicUrl.empty()) return found->second.publicUrl;
	unsigned number = found != _ports.end() ? found->second.number : 0;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		const auto bound = _bound.find(port);
		if (number == 0 && bound != _bound.end()) number = bound->second;
	}
	std::string name = HostNameGuard::hostName(request.host);
	if (name.empty()) name = "127.0.0.1";
	else if (request.port == port && request.host.size() > name.size() + 1)
	{
		// the client reached this very port as host:port (a published Docker port may differ from ours)
		unsigned sent = 0;
		if (Poco::NumberParser::tryParseUnsigned(request.host.substr(name.size() + 1), sent) && sent > 0 && sent < 65536) number = sent;
	}
	return "http://" + name + (number != 0 ? ":" + std::to_string(number) : "");
}

std::string HostPlaybackUrls::localUrl(const std::string& port) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	const auto bound = _bound.find(port);
	return bound == _bound.end() ? "" : "http://127.0.0.1:" + std::to_string(bound->second);
}

std::vector<PlaybackUrl> HostPlaybackUrls::program(const RouteRequest& request) const
{
	std::vector<PlaybackUrl> urls;
	for (const auto& form : _registry.ownedWithRole<PlaybackForm>())
	{
		if (form.second->programPath().empty()) continue;
		urls.push_back({form.second->format(), portUrl(form.second->port(), request) + form.second->programPath(), form.second->mediaType()});
	}
	return urls;
}

std::vector<PlaybackUrl> HostPlaybackUrls::channel(Poco::Int64 streamId, const RouteRequest& request) const
{
	static const std::string placeholder = "{stream_id}";
	std::vector<PlaybackUrl> urls;
	for (const auto& form : _registry.ownedWithRole<PlaybackForm>())
	{
		std::string path = form.second->channelPath();
		const auto at = path.find(placeholder);
		if (path.empty() || at == std::string::npos) continue;
		path.replace(at, placeholder.size(), std::to_string(streamId));
		urls.push_back({form.second->format(), portUrl(form.second->port(), request) + path, form.second->mediaType()});
	}
	return urls;
}

} // namespace restream::host
