//
// fixture-bad-signature.cpp
//
// A plugin with the right API version but another build signature (as if
// built against another Poco): refused.
//

#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"

namespace fixture {

class BadSignaturePlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext&) override
	{
	}

	void stop() override
	{
	}
};

} // namespace fixture

extern "C" RESTREAM_API const RestreamPluginDescriptor* restreamPluginDescriptor()
{
	static const RestreamPluginDescriptor descriptor = {sizeof(RestreamPluginDescriptor), RESTREAM_PLUGIN_API_MAJOR,
		RESTREAM_PLUGIN_API_MINOR, "fixture-bad-signature", "1.0", "built with another toolchain", "gcc-4 cxxabi-1002 poco-1.9"};
	return &descriptor;
}

POCO_BEGIN_MANIFEST(restream::Plugin)
pManifest->insert(new Poco::MetaObject<fixture::BadSignaturePlugin, _Base>(RESTREAM_PLUGIN_CLASS_KEY));
POCO_END_MANIFEST
