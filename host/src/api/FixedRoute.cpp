//
// FixedRoute.cpp
//

#include "api/FixedRoute.h"

namespace restream::host {

FixedRoute::FixedRoute(std::string method, std::string path, Access access, std::string summary):
	_method(std::move(method)),
	_path(std::move(path)),
	_access(access),
	_summary(std::move(summary))
{
}

std::string FixedRoute::method() const
{
	return _method;
}

std::string FixedRoute::path() const
{
	return _path;
}

Route::Access FixedRoute::access() const
{
	return _access;
}

std::string FixedRoute::summary() const
{
	return _summary;
}

} // namespace restream::host
