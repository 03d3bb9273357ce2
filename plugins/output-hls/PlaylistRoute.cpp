//
// PlaylistRoute.cpp
//

#include "PlaylistRoute.h"
#include "HlsPaths.h"
#include "MediaResponse.h"
#include "restream/PluginContext.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

namespace restream {
namespace hls {

PlaylistRoute::PlaylistRoute(const std::string& path, Selection selection, std::shared_ptr<ChannelDirectory> directory,
	const PluginContext& context):
	_path(path),
	_selection(selection),
	_directory(std::move(directory)),
	_context(context)
{
}

std::string PlaylistRoute::method() const
{
	return Poco::Net::HTTPRequest::HTTP_GET;
}

std::string PlaylistRoute::path() const
{
	return _path;
}

ApiRoute::Access PlaylistRoute::access() const
{
	return Access::Public;
}

void PlaylistRoute::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
	const Identity&)
{
	std::shared_ptr<HlsChannel> channel;
	HlsPaths::PlaylistLocation location = HlsPaths::PlaylistLocation::Root;
	if (_selection == Selection::Primary)
	{
		channel = _directory->primary();
	}
	else
	{
		Poco::Int64 streamId = 0;
		if (!HlsPaths::parseChannelPlaylist(Poco::URI(request.getURI()).getPath(), streamId))
		{
			MediaResponse::sendNotFound(response, "not found");
			return;
		}
		channel = _directory->find(streamId);
		location = HlsPaths::PlaylistLocation::ChannelFolder;
	}
	const std::shared_ptr<const std::string> text = channel ? channel->playlist(location) : nullptr;
	if (!text)
	{
		MediaResponse::sendNotFound(response, "no active stream");
		return;
	}
	const std::size_t sent = MediaResponse::sendPlaylist(request, response, *text);
	if (request.getMethod() == Poco::Net::HTTPRequest::HTTP_GET)
		channel->served(_context.clientAddress(request), request.get("User-Agent", ""), sent);
}

} // namespace hls
} // namespace restream
