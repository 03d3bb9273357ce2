//
// Setting.h
//
// A configuration key a plugin declares, with its default.
//

#ifndef restream_Setting_INCLUDED
#define restream_Setting_INCLUDED

#include <string>

namespace restream {

struct Setting
	/// One key of a plugin's configuration section "plugins.<name>.".
	/// The host applies the default, the environment and the command line
	/// before Plugin::start(), and reports keys of the section that no
	/// Setting declares.
{
	std::string key;
		/// The key inside the plugin's section, lowerCamel, e.g. "tokenLifetime".

	std::string defaultValue;
		/// Used when no layer sets the key. Empty means "not set".

	std::string description;
		/// One line for the configuration reference.

	std::string legacyEnvironment;
		/// An extra environment variable honoured for this key (for example
		/// "JWT_SECRET_KEY"), on top of the RESTREAM_... name every key has.

	bool secret = false;
		/// When true, the value is removed from every log line by the host's
		/// redaction, and never printed by the host.
};

} // namespace restream

#endif // restream_Setting_INCLUDED
