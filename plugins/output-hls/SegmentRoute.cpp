//
// SegmentRoute.cpp
//

#include "SegmentRoute.h"
#include "HlsPaths.h"
#include "MediaResponse.h"
#include "restream/PluginContext.h"
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

namespace restream {
namespace hls {

SegmentRoute::SegmentRoute(std::shared_ptr<ChannelDirectory> directory, const PluginContext& context):
	_directory(std::move(directory)),
	_context(context)
{
}

std::string SegmentRoute::method() const
{
	return Poco::Net::HTTPRequest::HTTP_GET;
}

std::string SegmentRoute::path() const
{
	return HlsPaths::SEGMENT_PREFIX + "*";
}

ApiRoute::Access SegmentRoute::access() const
{
	return Access::Public;
}

void SegmentRoute::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
	const Identity&)
{
	Poco::Int64 streamId = 0;
	std::string token;
	Poco::UInt64 sequence = 0;
	if (!HlsPaths::parseSegment(Poco::URI(request.getURI()).getPath(), streamId, token, sequence))
	{
		MediaResponse::sendNotFound(response, "not found");
		return;
	}
	const std::shared_ptr<HlsChannel> channel = _directory->find(streamId, token);
	const std::shared_ptr<const std::string> bytes = channel ? channel->segment(sequence) : nullptr;
	if (!bytes)
	{
		MediaResponse::sendNotFound(response, "no such segment");
		return;
	}
	const std::size_t sent = MediaResponse::sendSegment(request, response, *bytes);
	if (request.getMethod() == Poco::Net::HTTPRequest::HTTP_GET)
		channel->served(_context.clientAddress(request), request.get("User-Agent", ""), sent);
}

} // namespace hls
} // namespace restream
