//
// fixture-throws.cpp
//
// A plugin whose start registers a service, then throws: the host must log
// it, remove its services and run on.
//

#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Exception.h>

namespace fixture {

class ThrowingPlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext& context) override
	{
		context.registry().add("fixture-throws.half-started", std::make_shared<restream::Service>());
		throw Poco::IllegalStateException("deliberate failure in start");
	}

	void stop() override
	{
	}
};

} // namespace fixture

RESTREAM_PLUGIN(fixture::ThrowingPlugin, "fixture-throws", "0.0.1", "a plugin whose start throws")
