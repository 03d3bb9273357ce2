//
// ProviderOptions.h
//
// Library: fakeprovider
//
// Construction options of FakeProvider.
//


#ifndef FakeProvider_ProviderOptions_INCLUDED
#define FakeProvider_ProviderOptions_INCLUDED


#include "Poco/Timespan.h"
#include "Poco/Types.h"
#include <cstddef>
#include <map>
#include <string>
#include <vector>


namespace fakeprovider {


struct FileChannel
	/// A channel whose stream is a file (a recording, its timestamps as they are): sent once, paced
	/// at bytesPerSecond, then the connection closes.
{
	std::string path;
	double bytesPerSecond = 1000000;
};


struct ProviderOptions
	/// What a FakeProvider is built with. Values that can change at run time (maxConnections,
	/// slotReleaseDelay, apiDelay, catalogDrip, gopFrames, hls, guideChannels, guideHours) are the
	/// initial values, restored by FakeProvider::resetFaults().
{
	std::string username = "demo-user";
	std::string password = "s3cret-Pa55";

	int maxConnections = 1;
		/// Stream connections allowed at once for the account; one more gets 403.

	Poco::UInt16 port = 0;
		/// Port to bind on 127.0.0.1; 0 = ephemeral (and, on a restart, the port used before).

	int channelCount = 0;
		/// Synthetic channels added to the built-in catalog (ids from FakeProvider::FIRST_SYNTHETIC_CHANNEL,
		/// over 50 categories); each streams the 320x180 H.264 + AAC profile with an encoder of its own.

	Poco::Timespan slotReleaseDelay = 0;
		/// Time between the server noticing a closed stream socket and the slot counting as free.

	Poco::Timespan encoderLinger = Poco::Timespan(5, 0);
		/// How long an encoder keeps running after its last client left.

	Poco::Timespan apiDelay = Poco::Timespan(3, 0);
		/// Delay of the answers of player_api.php in ApiMode::SLOW.

	std::size_t clientBacklogBytes = 2 * 1024 * 1024;
		/// Data queued for one stream client before it counts as too slow and is dropped (on top
		/// of the socket's send buffer, fixed at 256 KiB, which Linux doubles).

	int maxThreads = 64;
		/// Size of the server's own thread pool: each open stream connection holds one thread.

	bool phpJsonEscaping = true;
		/// Escape player_api.php JSON as PHP's json_encode() does: "\/" and \uXXXX for every non-ASCII
		/// character (surrogate pairs above U+FFFF). false writes raw UTF-8.

	bool quietFfmpegLog = true;
		/// start() lowers FFmpeg's process-wide log level to AV_LOG_ERROR if it is more verbose,
		/// so libx264 does not print its banner for every encoder start.

	std::vector<std::string> allowedOutputFormats = {"ts"};
		/// user_info.allowed_output_formats. While hls is on, "m3u8" is listed first if missing.

	Poco::Timespan catalogDrip = 0;
		/// > 0: every player_api.php answer is written one byte at a time, this long between bytes.

	int gopFrames = 50;
		/// Frames from one keyframe to the next, 1-250, at 25 fps (50 = 2 s, 25 = 1 s). Running
		/// encoders follow a change from their next frame.

	bool hls = false;
		/// Serve /live/U/P/ID.m3u8, a live HLS playlist of the channel's encoder (segments under
		/// /hls/TOKEN/N.ts), and list "m3u8" in allowed_output_formats. false: .m3u8 answers 404.

	int guideChannels = 0;
		/// Channels of /xmltv.php: 0 = every catalog channel with an epg_channel_id; N > 0 = exactly N,
		/// the catalog's first, then guide-only channels "guideK.epg" (a bigger guide, 0-10 000 000).

	int guideHours = 24;
		/// Hours of programmes per channel in /xmltv.php from the start of the current hour, 1-8760.

	std::string timezone = "Europe/Paris";
		/// server_info.timezone; time_now is computed for Europe/Paris (EU summer time rule), else UTC.

	std::map<int, std::string> logoUrls;
		/// stream_icon of these channels in get_live_streams instead of baseUrl/logos/ID.png: a logo on
		/// another host (the guide's <icon> keeps /logos/ID.png).

	std::map<int, std::string> logoBodies;
		/// What /logos/ID.png answers for these channels instead of the 1x1 PNG, still as image/png: an
		/// SVG, a body too large, anything a client must check itself.
	std::map<int, FileChannel> fileChannels;
		/// Channels added to the catalog by stream id (not one of the built-in or synthetic ids), named
		/// "File ID" in category 1, no guide, no logo: their stream is the file (see FileChannel), under
		/// the account's connection limit like any other; fault switches other than status do not apply.
};


} // namespace fakeprovider


#endif // FakeProvider_ProviderOptions_INCLUDED
