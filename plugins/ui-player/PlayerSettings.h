//
// PlayerSettings.h
//
// The ui-player plugin's configuration, read once at start.
//

#ifndef uiplayer_PlayerSettings_INCLUDED
#define uiplayer_PlayerSettings_INCLUDED

#include <string>

namespace uiplayer {

struct PlayerSettings
	/// A value type; PlayerPlugin::settings() declares the keys and their
	/// defaults, the host checks them.
{
	std::string apiUrl;
		/// The API's base URL as viewers' browsers reach it; empty for the
		/// API port's public URL (PlaybackUrls::portUrl("api", request)).
	std::string frameAncestors;
		/// The CSP frame-ancestors sources: who may embed the player.
	std::string title;
};

} // namespace uiplayer

#endif // uiplayer_PlayerSettings_INCLUDED
