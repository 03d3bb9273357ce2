//
// HostSettingList.h
//

#ifndef restream_host_HostSettingList_INCLUDED
#define restream_host_HostSettingList_INCLUDED

#include "restream/Setting.h"
#include <string>
#include <vector>

namespace restream::host {

class HostSettingList
	/// The host's own keys, typed like plugins' (Setting), with their
	/// defaults in one place: what Host declares and `restream settings`
	/// prints. Stateless; any thread.
{
public:
	static std::vector<Setting> general();
		/// plugins.*, state.dir, public.*, http.* (but per port), catalog.*, live.*.

	static std::vector<Setting> port(const std::string& name);
		/// http.<name>.*; the known ports (admin 8001, api 8002, player 8003,
		/// tuner 5004) have their numbers and LAN rule as defaults.

	static std::vector<Setting> knownPortNumbers(const std::vector<std::string>& served);
		/// http.<name>.port of each known port not in served: a process that
		/// does not serve a port still says where another one does (the
		/// player's page finds the API at http.api.port).

	static bool isKnownPort(const std::string& name);
};

} // namespace restream::host

#endif // restream_host_HostSettingList_INCLUDED
