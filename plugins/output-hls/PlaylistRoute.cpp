//
// PlaylistRoute.cpp
//

#include "PlaylistRoute.h"
#include "HlsPaths.h"
#include "MediaResponse.h"

namespace outputhls {

PlaylistRoute::PlaylistRoute(const std::string& path, Selection selection, std::shared_ptr<ChannelDirectory> directory):
	_path(path),
	_selection(selection),
	_directory(std::move(directory))
{
}

std::string PlaylistRoute::method() const
{
	return "GET";
}

std::string PlaylistRoute::path() const
{
	return _path;
}

restream::Route::Access PlaylistRoute::access() const
{
	return Access::Public;
}

bool PlaylistRoute::quick() const
{
	return true;
}

std::string PlaylistRoute::summary() const
{
	return _selection == Selection::Program ? "HLS of the program: the channel on air, continuous through switches"
											 : "HLS of a running channel: /live/<stream_id>.m3u8";
}

void PlaylistRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	Poco::Int64 streamId = 0;
	HlsPaths::PlaylistLocation location = HlsPaths::PlaylistLocation::Root;
	if (_selection == Selection::ByStreamId)
	{
		if (!HlsPaths::parseChannelPlaylist(request.path, streamId)) return MediaResponse::sendNotFound(*response, "not found");
		location = HlsPaths::PlaylistLocation::ChannelFolder;
	}
	const std::shared_ptr<HlsChannel> channel = _directory->find(streamId);
	std::shared_ptr<const std::string> text = channel ? channel->playlist(location) : nullptr;
	if (!text) return MediaResponse::sendNotFound(*response, "no active stream");
	const std::size_t sent = MediaResponse::sendPlaylist(request, *response, std::move(text));
	if (!request.isHead()) channel->served(request.clientAddress, request.header("User-Agent"), sent);
}

} // namespace outputhls
