//
// HostServices.h
//

#ifndef restream_host_HostServices_INCLUDED
#define restream_host_HostServices_INCLUDED

#include "plugins/OwnedChannels.h"
#include "restream/Catalog.h"
#include "restream/PlaybackUrls.h"

namespace restream::host {

class ClientAddress;
class Redactor;

struct HostServices
	/// What every plugin's context hands out: the host's services, owned by
	/// the Host and alive from before the plugins start until after they stop.
{
	HostChannels& channels; /// each plugin gets them as OwnedChannels
	Catalog& catalog;
	PlaybackUrls& playbackUrls;
	Redactor& redactor;
	const ClientAddress& clients; /// the LAN rule PluginContext::onLan() asks
};

} // namespace restream::host

#endif // restream_host_HostServices_INCLUDED
