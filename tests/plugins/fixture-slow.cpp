//
// fixture-slow.cpp
//
// A plugin whose start takes longer than the host's deadline: abandoned, and
// the host runs on without waiting for it.
//

#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Thread.h>

namespace fixture {

class SlowPlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext&) override
	{
		Poco::Thread::sleep(3000);
	}

	void stop() override
	{
	}
};

} // namespace fixture

RESTREAM_PLUGIN(fixture::SlowPlugin, "fixture-slow", "1.0", "a plugin whose start hangs past the deadline")
