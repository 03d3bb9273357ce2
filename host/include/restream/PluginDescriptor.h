//
// PluginDescriptor.h
//
// The plain C descriptor that the host reads from a plugin library before it
// touches the library's ClassLoader manifest, and the RESTREAM_PLUGIN macro
// that every plugin uses once to export both.
//

#ifndef restream_PluginDescriptor_INCLUDED
#define restream_PluginDescriptor_INCLUDED

#include "restream/Plugin.h"
#include "restream/Version.h"
#include <Poco/ClassLibrary.h>
#include <Poco/MetaObject.h>

extern "C" {

struct RestreamPluginDescriptor
	/// What a plugin library says about itself. Frozen: fields are only ever
	/// appended, and structSize tells the host which ones a plugin has.
	/// All strings are static and valid while the library is loaded.
{
	unsigned int structSize;     /// sizeof(RestreamPluginDescriptor) when the plugin was built
	unsigned int apiMajor;       /// RESTREAM_PLUGIN_API_MAJOR the plugin was built against
	unsigned int apiMinor;       /// RESTREAM_PLUGIN_API_MINOR the plugin was built against
	const char* name;            /// plugin name: lower case, digits and '-', e.g. "auth-jwt"
	const char* version;         /// the plugin's own version, free text
	const char* description;     /// one line for logs and --help
	const char* buildSignature;  /// restream::buildSignature() as the plugin was compiled
};

typedef const RestreamPluginDescriptor* (*RestreamPluginDescriptorFunction)();
	/// The type of the "restreamPluginDescriptor" symbol a plugin exports.

} // extern "C"

#define RESTREAM_PLUGIN_DESCRIPTOR_SYMBOL "restreamPluginDescriptor"
#define RESTREAM_PLUGIN_CLASS_KEY "restream.Plugin"

/// Exports a plugin. Use once, in one source file of the plugin, at global scope:
///
///     RESTREAM_PLUGIN(myplugin::MyPlugin, "my-plugin", "1.0.0", "Does one thing well")
///
/// It defines the extern "C" descriptor function and the Poco ClassLoader
/// manifest that creates one PluginClass (default-constructible, derived
/// from restream::Plugin). The constructor must not do work that can fail:
/// that belongs in Plugin::start().
#define RESTREAM_PLUGIN(PluginClass, pluginName, pluginVersion, pluginDescription)                   \
	extern "C" RESTREAM_API const RestreamPluginDescriptor* restreamPluginDescriptor()                \
	{                                                                                                \
		static const std::string signature = restream::buildSignature();                           \
		static const RestreamPluginDescriptor descriptor = {sizeof(RestreamPluginDescriptor),      \
			RESTREAM_PLUGIN_API_MAJOR, RESTREAM_PLUGIN_API_MINOR, pluginName, pluginVersion,        \
			pluginDescription, signature.c_str()};                                                   \
		return &descriptor;                                                                          \
	}                                                                                                \
	POCO_BEGIN_MANIFEST(restream::Plugin)                                                            \
	pManifest->insert(new Poco::MetaObject<PluginClass, _Base>(RESTREAM_PLUGIN_CLASS_KEY));         \
	POCO_END_MANIFEST

#endif // restream_PluginDescriptor_INCLUDED
