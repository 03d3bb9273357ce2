//
// FfmpegLog.h
//

#ifndef restream_host_FfmpegLog_INCLUDED
#define restream_host_FfmpegLog_INCLUDED

namespace Poco {
class Logger;
}

namespace restream::host {

class FfmpegLog
	/// Routes FFmpeg's process-wide logging (av_log) into a Poco logger, so
	/// its lines pass through the host's redaction like every other line:
	/// FFmpeg prints URLs, and provider URLs carry credentials.
	/// Threads: FFmpeg calls the callback from any thread; lines are
	/// assembled per thread.
{
public:
	static void install(Poco::Logger& logger);
		/// Installs the callback. The logger must live until uninstall().

	static void uninstall();
		/// Restores FFmpeg's default callback, silenced to errors.
};

} // namespace restream::host

#endif // restream_host_FfmpegLog_INCLUDED
