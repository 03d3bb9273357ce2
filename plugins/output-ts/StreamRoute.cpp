//
// StreamRoute.cpp
//

#include "StreamRoute.h"
#include "TsPaths.h"
#include "TsResponse.h"
#include "restream/ChannelException.h"

namespace outputts {

StreamRoute::StreamRoute(Selection selection, std::shared_ptr<TsDirectory> directory, restream::Channels& channels):
	_selection(selection),
	_directory(std::move(directory)),
	_channels(channels)
{
}

std::string StreamRoute::method() const
{
	return "GET";
}

std::string StreamRoute::path() const
{
	return _selection == Selection::Program ? TsPaths::PROGRAM : TsPaths::CHANNEL_PREFIX + "*";
}

restream::Route::Access StreamRoute::access() const
{
	return Access::Public;
}

std::string StreamRoute::port() const
{
	return "tuner";
}

bool StreamRoute::quick() const
{
	return _selection == Selection::Program;
}

std::string StreamRoute::summary() const
{
	return _selection == Selection::Program ? "Continuous MPEG-TS of the program, for media centres"
											 : "Continuous MPEG-TS of a channel, started on demand: /stream/<stream_id>.ts";
}

void StreamRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	Poco::Int64 streamId = 0;
	if (_selection == Selection::ByStreamId && !TsPaths::parseChannel(request.path, streamId))
		return TsResponse::sendNotFound(*response, "not found");
	if (streamId == 0 && !_directory->serving(0) && _channels.program() == 0)
		return TsResponse::sendNotFound(*response, "no active stream");
	if (request.isHead()) return TsResponse::sendHeadersOnly(*response);

	auto viewer = std::make_unique<TsViewer>();
	viewer->streamId = streamId;
	viewer->response = response;
	viewer->clientAddress = request.clientAddress;
	if (streamId != 0)
	{
		try
		{
			viewer->lease = _channels.acquire(streamId, "output-ts viewer " + request.clientAddress);
		}
		catch (const restream::ChannelException& refusal)
		{
			return TsResponse::sendRefusal(*response, refusal);
		}
	}
	_directory->serve(std::move(viewer));
}

} // namespace outputts
