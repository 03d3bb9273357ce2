//
// fixture-wrong-api.cpp
//
// A plugin built for another plugin API major: its descriptor is written by
// hand, as an old or future SDK would have made it. The host must refuse it
// before touching its manifest.
//

#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"

namespace fixture {

class WrongApiPlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext& context) override
	{
		context.registry().add("fixture-wrong-api.marker", std::make_shared<restream::Service>());
	}

	void stop() override
	{
	}
};

} // namespace fixture

extern "C" RESTREAM_API const RestreamPluginDescriptor* restreamPluginDescriptor()
{
	static const std::string signature = restream::buildSignature();
	static const RestreamPluginDescriptor descriptor = {
		sizeof(RestreamPluginDescriptor), RESTREAM_PLUGIN_API_MAJOR + 1, 0, "fixture-wrong-api", "9.9.9", "built for another API",
		signature.c_str()};
	return &descriptor;
}

POCO_BEGIN_MANIFEST(restream::Plugin)
pManifest->insert(new Poco::MetaObject<fixture::WrongApiPlugin, _Base>(RESTREAM_PLUGIN_CLASS_KEY));
POCO_END_MANIFEST
