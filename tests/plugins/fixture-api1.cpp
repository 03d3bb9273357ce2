//
// fixture-api1.cpp
//
// A plugin as plugin API 1.0 made them: its descriptor says 1.0. The host
// (API 2) must refuse it with one line, before touching its manifest.
//

#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"

namespace fixture {

class ApiOnePlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext& context) override
	{
		context.registry().add("fixture-api1.marker", std::make_shared<restream::Service>());
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
		sizeof(RestreamPluginDescriptor), 1, 0, "fixture-api1", "1.0.0", "built for plugin API 1.0", signature.c_str()};
	return &descriptor;
}

POCO_BEGIN_MANIFEST(restream::Plugin)
pManifest->insert(new Poco::MetaObject<fixture::ApiOnePlugin, _Base>(RESTREAM_PLUGIN_CLASS_KEY));
POCO_END_MANIFEST
