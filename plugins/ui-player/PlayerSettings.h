//
// PlayerSettings.h
//
// The ui-player plugin's configuration, read once at start.
//

#ifndef restream_player_PlayerSettings_INCLUDED
#define restream_player_PlayerSettings_INCLUDED

#include <Poco/Types.h>
#include <string>

namespace restream {
namespace player {

struct PlayerSettings
	/// A value type.
{
	std::string apiUrl;
		/// The API's public base URL without a trailing slash, or empty to
		/// derive it from each request's host name and apiPort.
	Poco::UInt16 apiPort = 8002;
	std::string frameAncestors;
		/// The CSP frame-ancestors sources: who may embed the player.
	std::string title;
};

} // namespace player
} // namespace restream

#endif // restream_player_PlayerSettings_INCLUDED
