//
// fixture-dup-b.cpp
//
// One of two plugins that register the same service name: the second add is
// refused.
//

#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"

namespace fixture {

class DupBPlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext& context) override
	{
		context.registry().add("fixture.shared", std::make_shared<restream::Service>());
	}

	void stop() override
	{
	}
};

} // namespace fixture

RESTREAM_PLUGIN(fixture::DupBPlugin, "fixture-dup-b", "1.0", "registers fixture.shared")
