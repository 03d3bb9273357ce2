//
// SettingsCommand.h
//

#ifndef restream_host_SettingsCommand_INCLUDED
#define restream_host_SettingsCommand_INCLUDED

#include "restream/Setting.h"
#include <ostream>
#include <vector>

namespace restream::host {

class SettingsCommand
	/// `restream settings`: every key of the host and of every loaded plugin,
	/// with its default, type and rule, description and extra environment
	/// variable, as the Markdown table the README's configuration reference
	/// is (a test keeps the two equal). The keys of a port are shown once,
	/// as http.<port>.*, with the known ports' own defaults.
{
public:
	static void print(const std::vector<Setting>& settings, std::ostream& out);
};

} // namespace restream::host

#endif // restream_host_SettingsCommand_INCLUDED
