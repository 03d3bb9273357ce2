//
// PlaylistRoute.cpp
//

#include "PlaylistRoute.h"
#include "restream/JsonResponse.h"
#include "restream/PluginContext.h"
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>

namespace m3uoutput {

namespace {

bool plainHost(const std::string& host)
	/// host[:port], a bracketed IPv6 address or a name: nothing that could
	/// end a line or start a path.
{
	if (host.empty() || host.size() > 255) return false;
	for (const char c : host)
	{
		const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
			c == ':' || c == '[' || c == ']' || c == '_';
		if (!allowed) return false;
	}
	return true;
}

std::string oneLine(const std::string& text)
{
	std::string line;
	for (const char c : text) line += (c == '\r' || c == '\n') ? ' ' : c;
	return Poco::trim(line);
}

} // namespace

PlaylistRoute::PlaylistRoute(std::shared_ptr<LiveTable> table, std::shared_ptr<ChannelGuide> guide,
	const restream::PluginContext& context):
	_table(std::move(table)),
	_guide(std::move(guide)),
	_context(context)
{
}

std::string PlaylistRoute::method() const
{
	return "GET";
}

std::string PlaylistRoute::path() const
{
	return "/playlist.m3u";
}

restream::ApiRoute::Access PlaylistRoute::access() const
{
	return Access::Public;
}

std::string PlaylistRoute::summary() const
{
	return "The live channels as an M3U playlist (Jellyfin's M3U tuner, VLC, Kodi)";
}

std::string PlaylistRoute::attribute(const std::string& value)
{
	std::string safe = oneLine(value);
	Poco::replaceInPlace(safe, "\"", "'");
	return safe;
}

std::string PlaylistRoute::baseUrl(const Poco::Net::HTTPServerRequest& request) const
{
	if (!_context.publicApiUrl().empty()) return _context.publicApiUrl();
	const std::string host = request.getHost();
	if (!plainHost(host)) return "";
	std::string scheme = "http";
	if (_context.isTrustedProxy(request.clientAddress().host()) &&
		Poco::icompare(Poco::trim(request.get("X-Forwarded-Proto", "")), "https") == 0)
		scheme = "https";
	return scheme + "://" + host;
}

void PlaylistRoute::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
	const restream::Identity&)
{
	const std::string base = baseUrl(request);
	if (base.empty())
	{
		restream::JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "the request's Host header is not usable");
		return;
	}
	const std::vector<restream::ChannelInfo> channels = _table->live();
	std::vector<Poco::Int64> ids;
	for (const restream::ChannelInfo& channel : channels) ids.push_back(channel.streamId);
	const std::map<Poco::Int64, ChannelGuide::Entry> guide = channels.empty() ? std::map<Poco::Int64, ChannelGuide::Entry>() : _guide->lookup(ids);

	std::string body = "#EXTM3U\n";
	for (const restream::ChannelInfo& channel : channels)
	{
		const auto entry = guide.find(channel.streamId);
		const std::string tvgId = entry != guide.end() ? entry->second.tvgId : "";
		const std::string logo = entry != guide.end() ? entry->second.logo : "";
		body += "#EXTINF:-1 tvg-id=\"" + attribute(tvgId) + "\" tvg-name=\"" + attribute(channel.name) + "\" tvg-logo=\"" +
			attribute(logo) + "\" group-title=\"" + attribute(channel.categoryName) + "\"," + oneLine(channel.name) + "\n";
		body += base + "/live/" + std::to_string(channel.streamId) + ".m3u8\n";
	}
	response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
	response.setContentType("audio/x-mpegurl; charset=utf-8");
	response.set("Cache-Control", "no-store");
	response.set("Access-Control-Allow-Origin", "*");
	response.setContentLength(static_cast<std::streamsize>(body.size()));
	response.sendBuffer(body.data(), body.size());
}

} // namespace m3uoutput
