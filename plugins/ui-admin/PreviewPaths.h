//
// PreviewPaths.h
//
// The preview's paths and playlist query, and the API's they stand for.
//

#ifndef uiadmin_PreviewPaths_INCLUDED
#define uiadmin_PreviewPaths_INCLUDED

#include <Poco/Types.h>
#include <string>
#include <utility>
#include <vector>

namespace uiadmin {

class PreviewPaths
	/// What the dashboard's preview may ask the API through the admin,
	/// exactly the shapes output-hls names in the program's playlists
	/// (its HlsPaths, which a plugin cannot include), under /preview:
	///   /preview/live.m3u8                        the API's /live.m3u8 (MPEG-TS)
	///   /preview/live.ll.m3u8                     the API's /live.ll.m3u8 (LL-HLS, fMP4)
	///   /preview/hls/<folder>/<token>-<n>.ts      a TS segment       video/mp2t
	///   /preview/hls/<folder>/<token>-<n>.mp4     an init segment    video/mp4
	///   /preview/hls/<folder>/<token>-<n>.m4s     an fMP4 segment    video/mp4
	///   /preview/hls/<folder>/<token>-<n>.<p>.m4s a part of one      video/mp4
	/// folder is "program" or a stream id (StreamId::parse), token ten
	/// lower-case hex digits, n 1 to 19 and p 1 to 4 decimal digits, both
	/// without a leading zero (but "0"): the one spelling output-hls writes.
	/// The playlists' relative URIs ("hls/program/...") resolve under /preview/.
	///
	/// Stateless; any thread. Errors: none.
{
public:
	static const std::string PREFIX;               /// "/preview": in front of the API's paths
	static const std::string PLAYLIST;             /// "/preview/live.m3u8"
	static const std::string LOW_LATENCY_PLAYLIST; /// "/preview/live.ll.m3u8"
	static const std::string MEDIA;                /// "/preview/hls/": the segments' folders
	static const std::string PLAYLIST_TYPE;        /// application/vnd.apple.mpegurl

	static std::string mediaType(const std::string& path);
		/// The content type of the media path names (see above), or "" when
		/// path is not exactly one of the media shapes.

	static bool reloadDirectives(const std::vector<std::pair<std::string, std::string>>& query, std::string& directives);
		/// The blocking reload directives of RFC 8216bis 6.2.5.2 in query,
		/// rebuilt for the API: "" when there are none, "?_HLS_msn=M" or
		/// "?_HLS_msn=M&_HLS_part=P" (M 1 to 19, P 1 to 4 decimal digits, no
		/// leading zero); every other parameter (_HLS_skip too: output-hls
		/// offers no delta updates) is dropped. False when _HLS_msn or
		/// _HLS_part is malformed, out of range, given twice, or _HLS_part
		/// comes without _HLS_msn: the request is a client's error.

private:
	static bool isNumber(const std::string& text, std::size_t maxDigits);
		/// True for 1 to maxDigits decimal digits without a leading zero (but "0").
};

} // namespace uiadmin

#endif // uiadmin_PreviewPaths_INCLUDED
