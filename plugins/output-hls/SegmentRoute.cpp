//
// SegmentRoute.cpp
//

#include "SegmentRoute.h"
#include "HlsPaths.h"
#include "MediaResponse.h"

namespace outputhls {

SegmentRoute::SegmentRoute(bool lowLatency, std::shared_ptr<ChannelDirectory> directory, std::shared_ptr<DemandLeases> leases):
	_lowLatency(lowLatency),
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
	return "HLS media: MPEG-TS segments, and the low-latency rendition's init segments, fMP4 segments and parts; immutable";
}

void SegmentRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	HlsPaths::Media name;
	if (!HlsPaths::parseMedia(request.path, name)) return MediaResponse::sendNotFound(*response, "not found");
	const bool transportStream = name.kind == HlsPaths::MediaKind::TsSegment;
	if (!transportStream && !_lowLatency) return MediaResponse::sendLowLatencyOff(*response);
	const std::shared_ptr<HlsChannel> channel = _directory->find(name.streamId, name.token);
	std::shared_ptr<const std::string> bytes;
	if (channel) bytes = transportStream ? channel->segment(name.number) : channel->lowLatency().media(name);
	if (!bytes) return MediaResponse::sendNotFound(*response, "no such segment");
	const std::size_t sent = MediaResponse::sendSegment(request, *response, std::move(bytes),
		transportStream ? MediaResponse::SEGMENT_TYPE : MediaResponse::CMAF_TYPE);
	if (request.isHead()) return;
	channel->served(request.clientAddress, request.header("User-Agent"), sent);
	if (name.streamId != 0) _leases->renew(name.streamId);
}

} // namespace outputhls
