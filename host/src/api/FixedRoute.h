//
// FixedRoute.h
//

#ifndef restream_host_FixedRoute_INCLUDED
#define restream_host_FixedRoute_INCLUDED

#include "restream/Route.h"
#include <string>

namespace restream::host {

class FixedRoute : public Route
	/// The base of the host's own routes: method, path, access and summary
	/// given once, at construction. Immutable; any thread.
{
public:
	FixedRoute(std::string method, std::string path, Access access, std::string summary);

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	std::string summary() const override;

private:
	const std::string _method;
	const std::string _path;
	const Access _access;
	const std::string _summary;
};

} // namespace restream::host

#endif // restream_host_FixedRoute_INCLUDED
