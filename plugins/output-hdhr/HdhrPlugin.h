//
// HdhrPlugin.h
//
// output-hdhr: the plugin's root.
//

#ifndef outputhdhr_HdhrPlugin_INCLUDED
#define outputhdhr_HdhrPlugin_INCLUDED

#include "DiscoveryResponder.h"
#include "GuideCache.h"
#include "SsdpResponder.h"
#include "restream/Plugin.h"
#include <memory>

namespace outputhdhr {

class HdhrPlugin : public restream::Plugin
	/// Makes the host's "tuner" port (LAN-only) look like an HDHomeRun to
	/// media centres and serve M3U Plus and XMLTV. Registers public GET
	/// routes on that port: /discover.json, /device.xml, /lineup.json,
	/// /lineup_status.json, /playlist.m3u, /epg.xml, and POST /lineup.post.
	/// Channel URLs are other outputs' PlaybackForms ("ts" from output-ts,
	/// "hls" from output-hls), never built here. Answers LAN discovery:
	/// HDHomeRun's on UDP discoveryPort (DiscoveryResponder) and SSDP on
	/// ssdpPort (SsdpResponder), each unless switched off.
	///
	/// start() reads or makes the tuner's identity in the state directory
	/// (throws when it cannot keep it) and starts the guide's worker thread
	/// and the discovery responders (a port that cannot be bound is a
	/// warning, not a failed start); stop() ends those threads.
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;

private:
	std::shared_ptr<GuideCache> _guide;
	std::unique_ptr<DiscoveryResponder> _discovery;
	std::unique_ptr<SsdpResponder> _ssdp;
};

} // namespace outputhdhr

#endif // outputhdhr_HdhrPlugin_INCLUDED
