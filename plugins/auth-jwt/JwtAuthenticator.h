//
// JwtAuthenticator.h
//
// The authenticator that accepts the tokens LoginRoute issues.
//

#ifndef authjwt_JwtAuthenticator_INCLUDED
#define authjwt_JwtAuthenticator_INCLUDED

#include "TokenService.h"
#include "restream/Authenticator.h"
#include <memory>

namespace authjwt {

class JwtAuthenticator : public restream::Authenticator
	/// Authenticates API requests by the token in "Authorization: Bearer
	/// <token>" (the scheme in any case) and nothing else: a token in the
	/// query string or a cookie is ignored.
	///
	/// Threads: authenticate() is safe from any thread.
	/// Errors: never throws; every failure is an Identity with a reason.
{
public:
	explicit JwtAuthenticator(std::shared_ptr<const TokenService> tokens);

	restream::Identity authenticate(const restream::RouteRequest& request) const override;

private:
	const std::shared_ptr<const TokenService> _tokens;
};

} // namespace authjwt

#endif // authjwt_JwtAuthenticator_INCLUDED
