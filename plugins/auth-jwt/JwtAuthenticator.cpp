//
// JwtAuthenticator.cpp
//

#include "JwtAuthenticator.h"
#include <Poco/String.h>

namespace authjwt {

JwtAuthenticator::JwtAuthenticator(std::shared_ptr<const TokenService> tokens): _tokens(std::move(tokens))
{
}

restream::Identity JwtAuthenticator::authenticate(const restream::RouteRequest& request) const
{
	restream::Identity identity;
	try
	{
		if (!request.headers.has("Authorization"))
		{
			identity.reason = "No bearer token was given.";
			return identity;
		}
		const std::string value = Poco::trim(request.header("Authorization"));
		const std::size_t space = value.find_first_of(" \t");
		if (space == std::string::npos || Poco::icompare(value.substr(0, space), "Bearer") != 0)
		{
			identity.reason = "The Authorization header does not carry a bearer token.";
			return identity;
		}
		return _tokens->verify(Poco::trim(value.substr(space)));
	}
	catch (...)
	{
		identity.reason = "The credentials could not be checked.";
		return identity;
	}
}

} // namespace authjwt
