//
// HlsPaths.h
//
// The URL scheme of output-hls, in one place.
//

#ifndef outputhls_HlsPaths_INCLUDED
#define outputhls_HlsPaths_INCLUDED

#include <Poco/Types.h>
#include <cstddef>
#include <string>

namespace outputhls {

class HlsPaths
	/// Formats and parses the paths output-hls serves on the API port:
	///   /live.m3u8, /internal_stream.m3u8   the program's playlist
	///   /live/<streamId>.m3u8               a channel's playlist
	///   /hls/<streamId>/<token>-<seq>.ts    a channel's segment
	///   /hls/program/<token>-<seq>.ts       a segment of the program (stream id 0)
	/// streamId and seq are decimal without leading zeros (one spelling per
	/// resource, so a CDN caches it once), token is TOKEN_LENGTH lower-case
	/// hex digits. A file name is never numeric only, so the host's log
	/// redaction (which masks /USER/PASS/123.ts) leaves segment paths alone.
	///
	/// Playlists refer to segments by relative URIs ("hls/101/..." from /,
	/// "../hls/101/..." from /live/): they resolve behind any proxy that
	/// mounts the API under a path prefix, so publicApiUrl is not needed.
	///
	/// Parsing is strict and never maps a path to a file: anything that is
	/// not exactly one of these shapes is refused. Stateless; any thread.
{
public:
	enum class PlaylistLocation
		/// Where the playlist that refers to segments is served from.
	{
		Root,         /// /live.m3u8 and /internal_stream.m3u8
		ChannelFolder /// /live/<streamId>.m3u8
	};

	static const std::string PRIMARY_PLAYLIST;   /// "/live.m3u8"
	static const std::string INTERNAL_PLAYLIST;  /// "/internal_stream.m3u8"
	static const std::string CHANNEL_PREFIX;     /// "/live/"
	static const std::string SEGMENT_PREFIX;     /// "/hls/"
	static const std::size_t TOKEN_LENGTH = 10;

	static std::string segmentName(const std::string& token, Poco::UInt64 sequence);
		/// "<token>-<sequence>.ts".

	static std::string segmentFolder(Poco::Int64 streamId, PlaylistLocation location);
		/// The relative URI prefix of the channel's segments as seen from a
		/// playlist at location: "hls/101/" or "../hls/101/".

	static bool parseChannelPlaylist(const std::string& path, Poco::Int64& streamId);
		/// True when path is exactly "/live/<streamId>.m3u8".

	static bool parseSegment(const std::string& path, Poco::Int64& streamId, std::string& token, Poco::UInt64& sequence);
		/// True when path is exactly "/hls/<streamId>/<token>-<seq>.ts" or
		/// "/hls/program/<token>-<seq>.ts" (stream id 0).

	static bool isToken(const std::string& text);
		/// True for TOKEN_LENGTH lower-case hex digits.

private:
	static bool parseNumber(const std::string& text, std::size_t maxDigits, Poco::UInt64& value);
		/// True for 1 to maxDigits decimal digits without a leading zero (but "0").
};

} // namespace outputhls

#endif // outputhls_HlsPaths_INCLUDED
