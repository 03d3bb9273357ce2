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

	class Joining
		/// While one lives, what a codec context (the probe's decoders, the
		/// demuxer's parsers) says on this thread is logged as debug: a
		/// stream joined in the middle of a group of pictures makes H.264
		/// complain of every picture before its first keyframe
		/// ("non-existing PPS", "no frame!"), which is expected and not the
		/// admin's concern. Messages of the demuxer and of the network keep
		/// their level.
		/// Threads: per thread; not nested.
	{
	public:
		Joining();
		~Joining();
		Joining(const Joining&) = delete;
		Joining& operator=(const Joining&) = delete;
	};};

} // namespace restream::host

#endif // restream_host_FfmpegLog_INCLUDED
