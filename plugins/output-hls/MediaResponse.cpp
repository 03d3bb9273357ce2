//
// MediaResponse.cpp
//

#include "MediaResponse.h"
#include "ByteRange.h"

namespace outputhls {

const std::string MediaResponse::PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
const std::string MediaResponse::SEGMENT_TYPE = "video/mp2t";
const std::string MediaResponse::CMAF_TYPE = "video/mp4";
const std::string MediaResponse::PLAYLIST_CACHE = "public, max-age=1";
const std::string MediaResponse::NOT_STORED = "no-store";
const std::string MediaResponse::SEGMENT_CACHE = "public, max-age=86400, immutable";

std::size_t MediaResponse::sendPlaylist(const restream::RouteRequest& request, restream::RouteResponse& response,
	std::shared_ptr<const std::string> text, const std::string& cacheControl)
{
	restream::RouteResponse::Headers headers = anyOrigin();
	headers.emplace_back("Content-Type", PLAYLIST_TYPE);
	headers.emplace_back("Cache-Control", cacheControl);
	const std::size_t size = text->size();
	response.send(200, headers, std::move(text));
	return request.isHead() ? 0 : size;
}

std::size_t MediaResponse::sendSegment(const restream::RouteRequest& request, restream::RouteResponse& response,
	std::shared_ptr<const std::string> bytes, const std::string& type)
{
	restream::RouteResponse::Headers headers = anyOrigin();
	headers.emplace_back("Access-Control-Expose-Headers", "Content-Length, Content-Range, Accept-Ranges");
	headers.emplace_back("Accept-Ranges", "bytes");
	const std::string size = std::to_string(bytes->size());
	const ByteRange range = ByteRange::parse(request.header("Range"), bytes->size());
	if (range.kind() == ByteRange::Kind::Unsatisfiable)
	{
		headers.emplace_back("Content-Range", "bytes */" + size);
		response.sendError(416, "range not satisfiable", headers);
		return 0;
	}
	headers.emplace_back("Content-Type", type);
	headers.emplace_back("Cache-Control", SEGMENT_CACHE);
	if (range.kind() == ByteRange::Kind::Whole)
	{
		const std::size_t length = bytes->size();
		response.send(200, headers, std::move(bytes));
		return request.isHead() ? 0 : length;
	}
	headers.emplace_back("Content-Range", "bytes " + std::to_string(range.first()) + "-" + std::to_string(range.last()) + "/" + size);
	response.send(206, headers, std::make_shared<const std::string>(*bytes, range.first(), range.length()));
	return request.isHead() ? 0 : range.length();
}

void MediaResponse::sendNotFound(restream::RouteResponse& response, const std::string& detail)
{
	response.sendError(404, detail, anyOrigin());
}

void MediaResponse::sendLowLatencyOff(restream::RouteResponse& response)
{
	sendNotFound(response, "low-latency HLS is off (plugins.output-hls.lowLatency)");
}

void MediaResponse::sendBadRequest(restream::RouteResponse& response, const std::string& detail)
{
	response.sendError(400, detail, anyOrigin());
}

void MediaResponse::sendRefusal(restream::RouteResponse& response, const restream::ChannelException& refusal)
{
	restream::RouteResponse::Headers headers = anyOrigin();
	int status = refusal.status();
	if (status == 409) status = 503; // for a viewer, a full account is the service being unavailable for now
	if (status == 503) headers.emplace_back("Retry-After", "10");
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("detail", refusal.message());
	body->set("error_code", refusal.errorCode());
	response.sendJson(status, body, headers);
}

void MediaResponse::sendPreflight(const restream::RouteRequest& request, restream::RouteResponse& response)
{
	restream::RouteResponse::Headers headers = anyOrigin();
	headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
	const std::string requested = request.header("Access-Control-Request-Headers");
	headers.emplace_back("Access-Control-Allow-Headers", isHeaderList(requested) ? requested : "Range");
	headers.emplace_back("Access-Control-Max-Age", "86400");
	headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
	response.send(204, headers, nullptr);
}

restream::RouteResponse::Headers MediaResponse::anyOrigin()
{
	// ours is the same for every origin, so a CDN keeps one copy: no Vary
	return {{"Access-Control-Allow-Origin", "*"}};
}

bool MediaResponse::isHeaderList(const std::string& text)
{
	if (text.empty() || text.size() > 256) return false;
	for (const char c : text)
	{
		const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ',' ||
			c == ' ';
		if (!allowed) return false;
	}
	return true;
}

} // namespace outputhls
