//
// PlaylistRoute.cpp
//

#include "PlaylistRoute.h"
#include "HlsPaths.h"
#include "MediaResponse.h"
#include "restream/ChannelException.h"

namespace outputhls {

PlaylistRoute::PlaylistRoute(const std::string& path, Selection selection, bool lowLatency,
	std::shared_ptr<ChannelDirectory> directory, restream::Channels& channels, std::shared_ptr<DemandLeases> leases,
	std::shared_ptr<PlaylistWaiters> waiters):
	_path(path),
	_selection(selection),
	_lowLatency(lowLatency),
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
	return _selection != Selection::ByStreamId;
}

std::string PlaylistRoute::summary() const
{
	switch (_selection)
	{
	case Selection::Program:
		return "HLS of the program: the channel on air, continuous through switches";
	case Selection::LowLatencyProgram:
		return "Low-latency HLS (fMP4 parts, blocking reload) of the program";
	case Selection::ByStreamId:
		break;
	}
	return "HLS of a running channel: /live/<stream_id>.m3u8, low-latency /live/<stream_id>.ll.m3u8";
}

void PlaylistRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	Poco::Int64 streamId = 0;
	HlsPaths::PlaylistLocation location = HlsPaths::PlaylistLocation::Root;
	PlaylistWaiters::Want want;
	want.lowLatency = _selection == Selection::LowLatencyProgram;
	if (_selection == Selection::ByStreamId)
	{
		location = HlsPaths::PlaylistLocation::ChannelFolder;
		want.lowLatency = HlsPaths::parseLowLatencyPlaylist(request.path, streamId);
		if (!want.lowLatency && !HlsPaths::parseChannelPlaylist(request.path, streamId))
			return MediaResponse::sendNotFound(*response, "not found");
	}
	if (want.lowLatency && !_lowLatency) return MediaResponse::sendLowLatencyOff(*response);
	if (want.lowLatency && !parseDirectives(request, want))
		return MediaResponse::sendBadRequest(*response, "_HLS_msn and _HLS_part must be decimal numbers, _HLS_part only with _HLS_msn");
	std::shared_ptr<HlsChannel> channel = _directory->find(streamId);
	std::shared_ptr<const std::string> text;
	if (channel) text = want.lowLatency ? channel->lowLatency().playlist(location) : channel->playlist(location);
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
		if (coming) return _waiters->wait(streamId, location, want, request, response);
		return MediaResponse::sendNotFound(*response, "no active stream");
	}
	if (want.blocking)
	{
		const PartPlaylist& playlist = channel->lowLatency();
		switch (playlist.reload(want.sequence, want.hasPart, want.part))
		{
		case PartPlaylist::Reload::TooFar:
			return MediaResponse::sendBadRequest(*response, "_HLS_msn is more than two segments beyond the playlist's last");
		case PartPlaylist::Reload::Wait:
			return _waiters->wait(streamId, location, want, request, response, 3 * playlist.targetDuration().totalMicroseconds());
		case PartPlaylist::Reload::Ready:
		case PartPlaylist::Reload::Ended:
			break;
		}
	}
	PlaylistWaiters::send(channel, location, want, request, *response);
}

bool PlaylistRoute::parseDirectives(const restream::RouteRequest& request, PlaylistWaiters::Want& want)
{
	static const std::size_t DIGITS = 19;
	want.hasPart = request.hasParameter("_HLS_part");
	if (!request.hasParameter("_HLS_msn")) return !want.hasPart;
	Poco::UInt64 part = 0;
	if (!HlsPaths::parseNumber(request.parameter("_HLS_msn"), DIGITS, want.sequence)) return false;
	if (want.hasPart && !HlsPaths::parseNumber(request.parameter("_HLS_part"), DIGITS, part)) return false;
	want.part = static_cast<std::size_t>(part);
	want.blocking = true;
	return true;
}

} // namespace outputhls
