//
// SettingCheck.h
//

#ifndef restream_host_SettingCheck_INCLUDED
#define restream_host_SettingCheck_INCLUDED

#include "restream/Setting.h"
#include <string>

namespace restream::host {

class SettingCheck
	/// The one check of a setting's value against its type and bounds
	/// (Setting::Type): what the host runs for every key, its own and the
	/// plugins', before anything starts. Stateless; any thread.
{
public:
	static std::string problem(const Setting& setting, const std::string& value);
		/// Empty when value is right, else a sentence naming the key and the
		/// rule: "live.maxChannels must be a whole number from 1 to 64, not 'two'".
		/// An empty value is right for Text, List, Url and Secret.

	static std::string rule(const Setting& setting);
		/// The rule in words ("a whole number from 1 to 64"), for the
		/// reference and the refusals.
};

} // namespace restream::host

#endif // restream_host_SettingCheck_INCLUDED
