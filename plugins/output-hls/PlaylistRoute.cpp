//
// PlaylistRoute.cpp
//

#include "PlaylistRoute.h"
#include "HlsPaths.h"
#include "MediaResponse.h"
#include "restream/ChannelException.h"

namespace outputhls {

PlaylistRoute::PlaylistRoute(const std::string& path, Selection selection, std::shared_ptr<ChannelDirectory> directory,
	restream::Channels& channels, std::shared_ptr<DemandLeases> leases, std::shared_ptr<PlaylistWaiters> waiters):
	_path(path),
	_selection(selection),
	_directory(std::move(directory)),
	_channels(channels),
	_leases(std::move(leases)),
	_waiters(std::move(waiters))
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
	return _selection == Selection::Program;
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
	std::shared_ptr<HlsChannel> channel = _directory->find(streamId);
	std::shared_ptr<const std::string> text = channel ? channel->playlist(location) : nullptr;
	if (streamId != 0 && !request.isHead())
	{
		try
		{
			_leases->hold(streamId);
			// the viewer's lease starts the channel again: it waits for the new run instead of getting the
			// ended one's EXT-X-ENDLIST, which would end its player
			if (channel && channel->ended()) text = nullptr;
		}
		catch (const restream::ChannelException& refusal)
		{
			// a channel that plays is served whatever the host says of a new lease
			if (!text) return MediaResponse::sendRefusal(*response, refusal);
		}
	}
	if (!text)
	{
		restream::ChannelStatus status;
		const bool coming = streamId == 0 ? _channels.program() != 0 : _channels.status(streamId, status);
		if (coming) return _waiters->wait(streamId, location, request, response);
		return MediaResponse::sendNotFound(*response, "no active stream");
	}
	const std::size_t sent = MediaResponse::sendPlaylist(request, *response, std::move(text));
	if (!request.isHead()) channel->served(request.clientAddress, request.header("User-Agent"), sent);
}

} // namespace outputhls
