//
// MediaResponse.cpp
//

#include "MediaResponse.h"
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <algorithm>
#include "ByteRange.h"
#include "restream/JsonResponse.h"
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace restream {
namespace hls {

const std::string MediaResponse::PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
const std::string MediaResponse::SEGMENT_TYPE = "video/mp2t";
const std::string MediaResponse::PLAYLIST_CACHE = "public, max-age=1";
const std::string MediaResponse::SEGMENT_CACHE = "public, max-age=86400, immutable";

std::size_t MediaResponse::sendPlaylist(const Poco::Net::HTTPServerRequest& request,
	Poco::Net::HTTPServerResponse& response, const std::string& text)
{
	allowAnyOrigin(response);
	response.setContentType(PLAYLIST_TYPE);
	response.set("Cache-Control", PLAYLIST_CACHE);
	response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
	return sendBody(request, response, text.data(), text.size());
}

std::size_t MediaResponse::sendSegment(const Poco::Net::HTTPServerRequest& request,
	Poco::Net::HTTPServerResponse& response, const std::string& bytes)
{
	allowAnyOrigin(response);
	response.set("Access-Control-Expose-Headers", "Content-Length, Content-Range, Accept-Ranges");
	response.set("Accept-Ranges", "bytes");
	const std::string size = std::to_string(bytes.size());
	const ByteRange range = ByteRange::parse(request.get("Range", ""), bytes.size());
	if (range.kind() == ByteRange::Kind::Unsatisfiable)
	{
		response.set("Content-Range", "bytes */" + size);
		JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_REQUESTED_RANGE_NOT_SATISFIABLE,
			"range not satisfiable");
		return 0;
	}
	response.setContentType(SEGMENT_TYPE);
	response.set("Cache-Control", SEGMENT_CACHE);
	if (range.kind() == ByteRange::Kind::Whole)
	{
		response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
		return sendBody(request, response, bytes.data(), bytes.size());
	}
	response.set("Content-Range",
		"bytes " + std::to_string(range.first()) + "-" + std::to_string(range.last()) + "/" + size);
	response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_PARTIAL_CONTENT);
	return sendBody(request, response, bytes.data() + range.first(), range.length());
}

void MediaResponse::sendNotFound(Poco::Net::HTTPServerResponse& response, const std::string& detail)
{
	allowAnyOrigin(response);
	JsonResponse::sendError(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, detail);
}

void MediaResponse::sendPreflight(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	allowAnyOrigin(response);
	response.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
	const std::string requested = request.get("Access-Control-Request-Headers", "");
	response.set("Access-Control-Allow-Headers", isHeaderList(requested) ? requested : "Range");
	response.set("Access-Control-Max-Age", "86400");
	response.set("Allow", "GET, HEAD, OPTIONS");
	response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
	response.setContentLength(0);
	response.send();
}

void MediaResponse::allowAnyOrigin(Poco::Net::HTTPServerResponse& response)
{
	// replaces the host's per-origin answer: ours is the same for every origin, so a CDN keeps one copy
	response.set("Access-Control-Allow-Origin", "*");
	response.erase("Vary");
}

std::size_t MediaResponse::sendBody(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
	const char* data, std::size_t size)
{
	// Poco's sendBuffer pushes a body through a 4 KiB stream buffer: one send()
	// per 4 KiB. Segments go out in as few calls as the kernel allows, straight
	// to the connection's socket, after the headers.
	const auto* direct = dynamic_cast<const Poco::Net::HTTPServerRequestImpl*>(&request);
	if (!direct || request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD || size < 16384)
	{
		response.sendBuffer(data, size);
		return request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD ? 0 : size;
	}
	response.setChunkedTransferEncoding(false);
	response.setContentLength64(static_cast<Poco::Int64>(size));
	response.send().flush();
	Poco::Net::StreamSocket& socket = const_cast<Poco::Net::HTTPServerRequestImpl*>(direct)->socket();
	std::size_t sent = 0;
	while (sent < size)
	{
		const int chunk = static_cast<int>(std::min<std::size_t>(size - sent, 1 << 30));
		const int written = socket.sendBytes(data + sent, chunk);
		if (written <= 0) throw Poco::Net::ConnectionResetException("the viewer closed the connection");
		sent += static_cast<std::size_t>(written);
	}
	return size;
}

bool MediaResponse::isHeaderList(const std::string& text)
{
	if (text.empty() || text.size() > 256) return false;
	for (const char c : text)
	{
		const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
			c == ',' || c == ' ';
		if (!allowed) return false;
	}
	return true;
}

} // namespace hls
} // namespace restream
