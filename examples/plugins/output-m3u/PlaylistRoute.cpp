//
// PlaylistRoute.cpp
//

#include "PlaylistRoute.h"
#include "M3uWriter.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <exception>

namespace m3uoutput {

const std::string PlaylistRoute::CONTENT_TYPE = "audio/x-mpegurl; charset=utf-8";

PlaylistRoute::PlaylistRoute(std::shared_ptr<const LiveLineup> lineup, std::string port, Poco::Logger& logger):
	_lineup(std::move(lineup)),
	_port(std::move(port)),
	_logger(logger)
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

restream::Route::Access PlaylistRoute::access() const
{
	return Access::Public;
}

std::string PlaylistRoute::port() const
{
	return _port;
}

std::string PlaylistRoute::summary() const
{
	return "The channels live now as an M3U playlist (Jellyfin's M3U tuner, VLC, Kodi)";
}

void PlaylistRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	std::string text;
	try
	{
		text = M3uWriter::render(_lineup->entries(request));
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("cannot build /playlist.m3u: %s", exc.displayText()); // the logger redacts
		return response->sendError(500, "the playlist could not be built");
	}
	catch (const std::exception& exc)
	{
		_logger.error("cannot build /playlist.m3u: %s", std::string(exc.what()));
		return response->sendError(500, "the playlist could not be built");
	}
	catch (...)
	{
		_logger.error("cannot build /playlist.m3u: unknown exception");
		return response->sendError(500, "the playlist could not be built");
	}
	response->sendText(200, CONTENT_TYPE, std::move(text), {{"Cache-Control", "no-store"}});
}

} // namespace m3uoutput
