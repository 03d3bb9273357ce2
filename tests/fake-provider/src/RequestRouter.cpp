//
// RequestRouter.cpp
//
// Library: fakeprovider
//


#include "RequestRouter.h"
#include "ControlHandler.h"
#include "HlsPlaylistHandler.h"
#include "HlsSegmentHandler.h"
#include "PlayerApiHandler.h"
#include "ProviderContext.h"
#include "ReplyHandler.h"
#include "StatsHandler.h"
#include "StreamHandler.h"
#include "XmltvHandler.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/URI.h"
#include <cctype>
#include <vector>


namespace fakeprovider {


namespace {


const char LOGO_PNG[] = // 1x1 blue RGB PNG
	"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01"
	"\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\xda\x63\x90\x8f\xdf\x0f"
	"\x00\x01\xde\x01\x3e\xb4\x58\x59\xcd\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";


std::vector<std::string> splitPath(const std::string& path)
	/// "/a/b/c" -> {"a", "b", "c"}; empty segments are kept so "//x" does not route like "/x".
{
	std::vector<std::string> segments;
	if (path.empty() || path[0] != '/') return segments;
	std::string::size_type start = 1;
	for (;;)
	{
		const std::string::size_type slash = path.find('/', start);
		segments.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
		if (slash == std::string::npos) return segments;
		start = slash + 1;
	}
}


bool parseStreamFile(const std::string& file, int& channelId, std::string& extension)
	/// "101.ts" -> 101, ".ts"; "101" -> 101, "". At most 9 digits.
{
	std::string::size_type digits = 0;
	while (digits < file.size() && std::isdigit(static_cast<unsigned char>(file[digits]))) ++digits;
	if (digits == 0 || digits > 9) return false;
	if (digits < file.size() && file[digits] != '.') return false;
	channelId = std::stoi(file.substr(0, digits));
	extension = file.substr(digits);
	return true;
}


} // namespace


RequestRouter::RequestRouter(ProviderContext& context):
	_context(context)
{
}


Poco::Net::HTTPRequestHandler* RequestRouter::createRequestHandler(const Poco::Net::HTTPServerRequest& request)
{
	std::string path;
	try
	{
		path = Poco::URI(request.getURI()).getPath();
	}
	catch (Poco::SyntaxException&)
	{
		return new ReplyHandler(400, "text/plain", "Bad Request\n");
	}

	if (path == "/player_api.php") return new PlayerApiHandler(_context);
	if (path == "/xmltv.php") return new XmltvHandler(_context);
	if (path == "/_stats") return new StatsHandler(_context, false);
	if (path == "/_stats/reset") return new StatsHandler(_context, true);
	if (path == "/_control") return new ControlHandler(_context, false);
	if (path == "/_control/reset") return new ControlHandler(_context, true);

	const std::vector<std::string> segments = splitPath(path);
	StreamHandler::Target target;
	if (segments.size() == 2 && segments[0] == "logos")
	{
		_context.stats().logoRequest();
		std::string extension;
		Catalog::Channel channel;
		if (parseStreamFile(segments[1], target.channelId, extension) && extension == ".png"
			&& _context.catalog().find(target.channelId, channel) && channel.hasLogo)
		{
			const auto& bodies = _context.options().logoBodies;
			const auto body = bodies.find(target.channelId);
			return new ReplyHandler(200, "image/png", body != bodies.end() ? body->second : std::string(LOGO_PNG, sizeof(LOGO_PNG) - 1));
		}
	}
	else if (segments.size() == 3 && segments[0] == "hls")
	{
		int sequence = 0;
		std::string extension;
		if (parseStreamFile(segments[2], sequence, extension) && extension == ".ts")
			return new HlsSegmentHandler(_context, segments[1], static_cast<Poco::UInt64>(sequence));
	}
	else if (segments.size() == 3 && segments[0] == "lb")
	{
		target.balanced = true;
		target.token = segments[1];
		if (parseStreamFile(segments[2], target.channelId, target.extension)) return new StreamHandler(_context, target);
	}
	else if ((segments.size() == 4 && segments[0] == "live") || segments.size() == 3)
	{
		const std::size_t first = segments.size() - 3;
		target.username = segments[first];
		target.password = segments[first + 1];
		if (parseStreamFile(segments[first + 2], target.channelId, target.extension))
		{
			if (target.extension == ".m3u8") return new HlsPlaylistHandler(_context, target);
			return new StreamHandler(_context, target);
		}
	}
	return new ReplyHandler(404, "text/plain", "Not Found\n");
}


} // namespace fakeprovider
