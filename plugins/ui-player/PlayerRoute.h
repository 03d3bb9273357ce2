//
// PlayerRoute.h
//
// What every route of the player port shares.
//

#ifndef uiplayer_PlayerRoute_INCLUDED
#define uiplayer_PlayerRoute_INCLUDED

#include "restream/Route.h"
#include <string>

namespace uiplayer {

class PlayerRoute : public restream::Route
	/// A public GET route on the port "player": the page needs no session
	/// and no token (it reads the API's public /stream_status and the
	/// program's playlist).
	/// Immutable; handle() from any number of threads at once.
{
public:
	explicit PlayerRoute(std::string path);

	std::string method() const override;
		/// "GET" (the host answers HEAD with it, and 405 to anything else).
	std::string path() const override;
	Access access() const override;
		/// Public.
	std::string port() const override;
		/// "player".

private:
	const std::string _path;
};

} // namespace uiplayer

#endif // uiplayer_PlayerRoute_INCLUDED
