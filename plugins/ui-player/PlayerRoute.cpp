//
// PlayerRoute.cpp
//

#include "PlayerRoute.h"

namespace uiplayer {

PlayerRoute::PlayerRoute(std::string path):
	_path(std::move(path))
{
}

std::string PlayerRoute::method() const
{
	return "GET";
}

std::string PlayerRoute::path() const
{
	return _path;
}

restream::Route::Access PlayerRoute::access() const
{
	return Access::Public;
}

std::string PlayerRoute::port() const
{
	return "player";
}

} // namespace uiplayer
