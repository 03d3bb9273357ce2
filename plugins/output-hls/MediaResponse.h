//
// MediaResponse.h
//
// How output-hls answers: media bodies, CORS and caching headers, errors.
//

#ifndef restream_hls_MediaResponse_INCLUDED
#define restream_hls_MediaResponse_INCLUDED

#include <cstddef>
#include <string>

namespace Poco {
namespace Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Net
} // namespace Poco

namespace restream {
namespace hls {

class MediaResponse
	/// Sends playlists and segments from memory with sendBuffer (no copy;
	/// Poco leaves the body out for HEAD and sets Content-Length), with
	/// Access-Control-Allow-Origin: * (never with credentials, and without
	/// Vary: Origin, as the answer is the same for every origin) on every answer.
	/// Stateless; any thread.
	/// Errors: the writes throw Poco::Net exceptions when the client has
	/// gone; they are left to reach the host.
{
public:
	static const std::string PLAYLIST_TYPE;  /// application/vnd.apple.mpegurl
	static const std::string SEGMENT_TYPE;   /// video/mp2t
	static const std::string PLAYLIST_CACHE; /// public, max-age=1: a CDN may serve it a second
	static const std::string SEGMENT_CACHE;  /// public, max-age=86400, immutable: names are never reused

	static std::size_t sendPlaylist(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		const std::string& text);
		/// 200 with text; returns the body bytes sent (0 for HEAD).

	static std::size_t sendSegment(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		const std::string& bytes);
		/// 200 with bytes, or for a single Range 206 with Content-Range, or
		/// 416 when the range is beyond the end; a malformed Range is ignored.
		/// Returns the body bytes sent (0 for HEAD and 416).

	static void sendNotFound(Poco::Net::HTTPServerResponse& response, const std::string& detail);
		/// 404 {"detail": detail}, not cacheable.

	static void sendPreflight(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
		/// 204 answering a CORS preflight for GET and HEAD from any origin.

private:
	static void allowAnyOrigin(Poco::Net::HTTPServerResponse& response);
	static std::size_t sendBody(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		const char* data, std::size_t size);
	static bool isHeaderList(const std::string& text);
		/// True for a short list of header names (letters, digits, '-', ',', ' ').
};

} // namespace hls
} // namespace restream

#endif // restream_hls_MediaResponse_INCLUDED
