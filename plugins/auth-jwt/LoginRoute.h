//
// LoginRoute.h
//
// POST /auth/login: a username and password in, an access token out.
//

#ifndef authjwt_LoginRoute_INCLUDED
#define authjwt_LoginRoute_INCLUDED

#include "LoginMetrics.h"
#include "LoginThrottle.h"
#include "PasswordHash.h"
#include "TokenService.h"
#include "restream/Route.h"
#include <memory>
#include <string>

namespace restream {
class PluginContext;
}

namespace authjwt {

class LoginRoute : public restream::Route
	/// The public route POST /auth/login on the API port. It answers:
	///   - 200 {"access_token", "token_type": "bearer", "expires_in"} for the
	///     admin's username and password;
	///   - 401 {"detail": "Incorrect username or password"} otherwise, the
	///     same for a wrong user and a wrong password (both compared, and the
	///     password hashed, every time), after the throttle's delay;
	///   - 429 with Retry-After, without checking anything, to a client the
	///     throttle refuses; 400 for a body it cannot read (the host answers
	///     413 beyond maxBodySize()).
	/// The throttle counts per RouteRequest::clientAddress, the host's view
	/// of the client (behind a trusted proxy, the client it forwards for).
	/// Failed sign-ins are logged at warning level with the client address
	/// and the (redacted) username, never the password.
	///
	/// Threads: handle() is called concurrently; it sleeps through the
	/// throttle's delay on the worker thread.
{
public:
	LoginRoute(const restream::PluginContext& context, const std::string& username, const PasswordHash& passwordHash,
		std::shared_ptr<const TokenService> tokens, const LoginThrottle::Limits& limits, std::shared_ptr<LoginMetrics> metrics);
		/// context must stay valid as long as the route is registered (the
		/// host drops services before Plugin::stop()).

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	std::string summary() const override;

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	void grant(restream::RouteResponse& response, const std::string& client);
	void refuse(restream::RouteResponse& response, const std::string& client, bool knownUser,
		const LoginThrottle::Attempt& attempt);
	static std::string wholeSeconds(const Poco::Timespan& span);
		/// span in seconds, rounded up.

	std::string printable(const std::string& username) const;
		/// username fit for a log line: control characters replaced, cut
		/// after 64 characters, redacted.

	const restream::PluginContext& _context;
	const std::string _username;
	const PasswordHash _passwordHash;
	const std::shared_ptr<const TokenService> _tokens;
	LoginThrottle _throttle;
	const std::shared_ptr<LoginMetrics> _metrics;
};

} // namespace authjwt

#endif // authjwt_LoginRoute_INCLUDED
