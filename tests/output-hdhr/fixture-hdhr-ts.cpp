//
// fixture-hdhr-ts.cpp
//
// Registers the "ts" PlaybackForm output-ts registers (tuner port,
// /live.ts, /stream/{stream_id}.ts), so output-hdhr's lineup can be tested
// without output-ts. Serves nothing.
//

#include "restream/PlaybackForm.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"

namespace fixturehdhrts {

class TsFormPlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext& context) override
	{
		context.registry().add("fixture-hdhr-ts.url",
			std::make_shared<restream::PlaybackForm>("ts", "tuner", "/live.ts", "/stream/{stream_id}.ts", "video/mp2t"));
	}

	void stop() override
	{
	}
};

} // namespace fixturehdhrts

RESTREAM_PLUGIN(fixturehdhrts::TsFormPlugin, "fixture-hdhr-ts", "1.0", "registers output-ts's PlaybackForm for output-hdhr's tests")
