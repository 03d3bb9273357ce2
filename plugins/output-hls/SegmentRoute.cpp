//
// SegmentRoute.cpp
//

#include "SegmentRoute.h"
#include "HlsPaths.h"
#include "MediaResponse.h"

namespace outputhls {

SegmentRoute::SegmentRoute(std::shared_ptr<ChannelDirectory> directory, std::shared_ptr<DemandLeases> leases):
	_directory(std::move(directory)),
	_leases(std::move(leases))
{
}

std::string SegmentRoute::method() const
{
	return "GET";
}

std::string SegmentRoute::path() const
{
	return HlsPaths::SEGMENT_PREFIX + "*";
}

restream::Route::Access SegmentRoute::access() const
{
	return Access::Public;
}

bool SegmentRoute::quick() const
{
	return true;
}

std::string SegmentRoute::summary() const
{
	return "HLS segments (MPEG-TS), immutable";
}

void SegmentRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	Poco::Int64 streamId = 0;
	std::string token;
	Poco::UInt64 sequence = 0;
	if (!HlsPaths::parseSegment(request.path, streamId, token, sequence)) return MediaResponse::sendNotFound(*response, "not found");
	const std::shared_ptr<HlsChannel> channel = _directory->find(streamId, token);
	std::shared_ptr<const std::string> bytes = channel ? channel->segment(sequence) : nullptr;
	if (!bytes) return MediaResponse::sendNotFound(*response, "no such segment");
	const std::size_t sent = MediaResponse::sendSegment(request, *response, std::move(bytes));
	if (request.isHead()) return;
	channel->served(request.clientAddress, request.header("User-Agent"), sent);
	if (streamId != 0) _leases->renew(streamId);
}

} // namespace outputhls
