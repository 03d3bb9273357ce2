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
	/// and of the low-latency (LL-HLS, fMP4) rendition beside them:
	///   /live.ll.m3u8, /live/<streamId>.ll.m3u8   the playlists
	///   /hls/<folder>/<token>-<run>.mp4           the init segment of a run
	///   /hls/<folder>/<token>-<seq>.m4s           a media segment
	///   /hls/<folder>/<token>-<seq>.<part>.m4s    a part of one
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

	enum class MediaKind
		/// What a media path names.
	{
		TsSegment,    /// <token>-<seq>.ts
		InitSegment,  /// <token>-<run>.mp4 (the number is the run)
		CmafSegment,  /// <token>-<seq>.m4s
		Part          /// <token>-<seq>.<part>.m4s
	};

	struct Media
		/// A parsed media path.
	{
		Poco::Int64 streamId = 0;
		std::string token;
		MediaKind kind = MediaKind::TsSegment;
		Poco::UInt64 number = 0;  /// the sequence, or the run of an init segment
		Poco::UInt64 part = 0;    /// the part's index within its segment
	};

	static const std::string PRIMARY_PLAYLIST;   /// "/live.m3u8"
	static const std::string INTERNAL_PLAYLIST;  /// "/internal_stream.m3u8"
	static const std::string LOW_LATENCY_PLAYLIST; /// "/live.ll.m3u8"
	static const std::string CHANNEL_PREFIX;     /// "/live/"
	static const std::string SEGMENT_PREFIX;     /// "/hls/"
	static const std::size_t TOKEN_LENGTH = 10;

	static std::string segmentName(const std::string& token, Poco::UInt64 sequence);
		/// "<token>-<sequence>.ts".

	static std::string initName(const std::string& token, Poco::UInt64 run);
		/// "<token>-<run>.mp4".

	static std::string cmafSegmentName(const std::string& token, Poco::UInt64 sequence);
		/// "<token>-<sequence>.m4s".

	static std::string partName(const std::string& token, Poco::UInt64 sequence, std::size_t part);
		/// "<token>-<sequence>.<part>.m4s".

	static std::string segmentFolder(Poco::Int64 streamId, PlaylistLocation location);
		/// The relative URI prefix of the channel's segments as seen from a
		/// playlist at location: "hls/101/" or "../hls/101/".

	static bool parseChannelPlaylist(const std::string& path, Poco::Int64& streamId);
		/// True when path is exactly "/live/<streamId>.m3u8".

	static bool parseLowLatencyPlaylist(const std::string& path, Poco::Int64& streamId);
		/// True when path is exactly "/live/<streamId>.ll.m3u8".

	static bool parseSegment(const std::string& path, Poco::Int64& streamId, std::string& token, Poco::UInt64& sequence);
		/// True when path is exactly "/hls/<streamId>/<token>-<seq>.ts" or
		/// "/hls/program/<token>-<seq>.ts" (stream id 0).

	static bool parseMedia(const std::string& path, Media& media);
		/// True when path is exactly one of the media shapes above.

	static bool isToken(const std::string& text);
		/// True for TOKEN_LENGTH lower-case hex digits.

	static bool parseNumber(const std::string& text, std::size_t maxDigits, Poco::UInt64& value);
		/// True for 1 to maxDigits decimal digits without a leading zero (but
		/// "0"): the one spelling of a number in a path or a query.

private:
	static bool parsePlaylist(const std::string& path, const std::string& suffix, Poco::Int64& streamId);
};

} // namespace outputhls

#endif // outputhls_HlsPaths_INCLUDED
