//
// HlsPlugin.h
//
// The output-hls plugin: live channels republished as HLS from memory.
//

#ifndef restream_hls_HlsPlugin_INCLUDED
#define restream_hls_HlsPlugin_INCLUDED

#include "HlsSettings.h"
#include "restream/Plugin.h"
#include <string>

namespace Poco {
namespace Util {
class AbstractConfiguration;
}
} // namespace Poco

namespace restream {
namespace hls {

class HlsPlugin : public Plugin
	/// Registers, once FFmpeg's mpegts muxer is found:
	///   - the Output "output-hls", whose sinks segment each live channel in
	///     memory;
	///   - public API routes (see HlsPaths): GET /live.m3u8 (the primary
	///     channel), GET /internal_stream.m3u8 (the same), GET /live/* (a
	///     channel's playlist), GET /hls/* (segments), and OPTIONS on each
	///     for CORS preflight.
	/// start() refuses malformed settings with a message naming the key, and
	/// throws when the muxer is missing (nothing is registered then).
	///
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<Setting> settings() const override;
	void start(PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the services (which own all the
		/// plugin's state) before stop().

private:
	static HlsSettings parseSettings(const Poco::Util::AbstractConfiguration& config);
	static double decimal(const Poco::Util::AbstractConfiguration& config, const std::string& key, double minimum,
		double maximum);
		/// The setting key as a number in [minimum, maximum], or Poco::InvalidArgumentException.
	static int integer(const Poco::Util::AbstractConfiguration& config, const std::string& key, int minimum, int maximum);
		/// The setting key as an integer in [minimum, maximum], or Poco::InvalidArgumentException.
};

} // namespace hls
} // namespace restream

#endif // restream_hls_HlsPlugin_INCLUDED
