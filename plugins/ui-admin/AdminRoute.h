//
// AdminRoute.h
//
// What every route of the admin port shares.
//

#ifndef uiadmin_AdminRoute_INCLUDED
#define uiadmin_AdminRoute_INCLUDED

#include "restream/Route.h"
#include <string>

namespace uiadmin {

class AdminRoute : public restream::Route
	/// A route on the port "admin", public as far as the host is concerned:
	/// the admin signs its users in itself (its own sessions, a client of
	/// the API), and the host keeps the port to the LAN (http.lanNetworks,
	/// http.allowedHosts) before any route runs.
	/// Immutable; handle() from any number of threads at once.
{
public:
	AdminRoute(std::string method, std::string path);

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
		/// Public.
	std::string port() const override;
		/// "admin".

private:
	const std::string _method;
	const std::string _path;
};

} // namespace uiadmin

#endif // uiadmin_AdminRoute_INCLUDED
