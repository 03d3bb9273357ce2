//
// AdminRoute.cpp
//

#include "AdminRoute.h"

namespace uiadmin {

AdminRoute::AdminRoute(std::string method, std::string path):
	_method(std::move(method)),
	_path(std::move(path))
{
}

std::string AdminRoute::method() const
{
	return _method;
}

std::string AdminRoute::path() const
{
	return _path;
}

restream::Route::Access AdminRoute::access() const
{
	return Access::Public;
}

std::string AdminRoute::port() const
{
	return "admin";
}

} // namespace uiadmin
