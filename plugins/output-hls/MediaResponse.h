//
// MediaResponse.h
//
// How output-hls answers: media bodies, CORS and caching headers, errors.
//

#ifndef outputhls_MediaResponse_INCLUDED
#define outputhls_MediaResponse_INCLUDED

#include "restream/ChannelException.h"
#include "restream/RouteRequest.h"
#include "restream/RouteResponse.h"
#include <cstddef>
#include <memory>
#include <string>

namespace outputhls {

class MediaResponse
	/// Sends playlists and segments from memory (shared, never copied but
	/// for a byte range) with Access-Control-Allow-Origin: * (never with
	/// credentials, and without Vary: Origin, as the answer is the same for
	/// every origin) and the caching a CDN needs: segments immutable,
	/// playlists for a second, a blocking reload's answer that lacks what it
	/// asked for not at all. Stateless; any thread.
{
public:
	static const std::string PLAYLIST_TYPE;  /// application/vnd.apple.mpegurl
	static const std::string SEGMENT_TYPE;   /// video/mp2t
	static const std::string CMAF_TYPE;      /// video/mp4: init segments, fMP4 segments and parts
	static const std::string PLAYLIST_CACHE; /// public, max-age=1: a CDN may serve it a second
	static const std::string NOT_STORED;     /// no-store: an answer no cache may keep
	static const std::string SEGMENT_CACHE;  /// public, max-age=86400, immutable: names are never reused

	static std::size_t sendPlaylist(const restream::RouteRequest& request, restream::RouteResponse& response,
		std::shared_ptr<const std::string> text, const std::string& cacheControl = PLAYLIST_CACHE);
		/// 200 with text; returns the body bytes sent (0 for HEAD).

	static std::size_t sendSegment(const restream::RouteRequest& request, restream::RouteResponse& response,
		std::shared_ptr<const std::string> bytes, const std::string& type = SEGMENT_TYPE);
		/// 200 with bytes, or for a single Range 206 with Content-Range, or
		/// 416 when the range is beyond the end; a malformed Range is ignored.
		/// Returns the body bytes sent (0 for HEAD and 416).

	static void sendNotFound(restream::RouteResponse& response, const std::string& detail);
		/// 404 {"detail": detail}, not cacheable.

	static void sendLowLatencyOff(restream::RouteResponse& response);
		/// 404 naming the setting that turned the low-latency rendition off
		/// (plugins.output-hls.lowLatency), for its playlists and media.

	static void sendBadRequest(restream::RouteResponse& response, const std::string& detail);
		/// 400 {"detail": detail}, not cacheable.

	static void sendRefusal(restream::RouteResponse& response, const restream::ChannelException& refusal);
		/// The host's refusal to start a channel: its status, {"detail",
		/// "error_code"}, and Retry-After: 10 on a 503 or 409 (a provider
		/// connection may be free later).

	static void sendPreflight(const restream::RouteRequest& request, restream::RouteResponse& response);
		/// 204 answering a CORS preflight for GET and HEAD from any origin.

private:
	static restream::RouteResponse::Headers anyOrigin();
	static bool isHeaderList(const std::string& text);
		/// True for a short list of header names (letters, digits, '-', ',', ' ').
};

} // namespace outputhls

#endif // outputhls_MediaResponse_INCLUDED
