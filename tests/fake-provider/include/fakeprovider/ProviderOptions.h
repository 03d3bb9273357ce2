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
#include <string>
#include <vector>


namespace fakeprovider {


struct ProviderOptions
	/// What a FakeProvider is built with. Values that can change at run time (maxConnections,
	/// slotReleaseDelay, apiDelay) are the initial values, restored by FakeProvider::resetFaults().
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
		/// user_info.allowed_output_formats. The fake serves only MPEG-TS (.m3u8 answers 404).

	std::string timezone = "Europe/Paris";
		/// server_info.timezone; time_now is computed for Europe/Paris (EU summer time rule), else UTC.
};


} // namespace fakeprovider


#endif // FakeProvider_ProviderOptions_INCLUDED
