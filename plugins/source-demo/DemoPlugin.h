//
// DemoPlugin.h
//
// The source-demo plugin: a few synthetic live channels, no provider needed.
// It is also the worked example of a source plugin: start at DemoSource.h.
//

#ifndef sourcedemo_DemoPlugin_INCLUDED
#define sourcedemo_DemoPlugin_INCLUDED

#include "restream/Plugin.h"
#include <string>

namespace Poco {
class Logger;
}

namespace sourcedemo {

class DemoPlugin : public restream::Plugin
	/// Registers the Source "source-demo" (see DemoSource). Cheap: nothing
	/// is generated or encoded until a channel is opened.
	///
	/// start() refuses an unknown videoPreset, and an FFmpeg without the
	/// libx264 or aac encoder (a source whose channels cannot play is not
	/// registered). The clock channel needs FFmpeg's drawtext filter and the
	/// clockFont file; without them it shows a test pattern, and start()
	/// logs why.
	///
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the source before stop(), and
		/// producers belong to the pipeline.

private:
	static std::string clockFont(const std::string& fontFile, Poco::Logger& logger);
		/// fontFile if the clock can be drawn with it, else empty (logged).
};

} // namespace sourcedemo

#endif // sourcedemo_DemoPlugin_INCLUDED
