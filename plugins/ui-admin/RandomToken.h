//
// RandomToken.h
//
// Unguessable identifiers for sessions and CSRF tokens.
//

#ifndef uiadmin_RandomToken_INCLUDED
#define uiadmin_RandomToken_INCLUDED

#include <string>

namespace uiadmin {

class RandomToken
	/// 256 random bits from the kernel's CSPRNG (getrandom(2), no weaker
	/// fallback), written as 43 base64url characters: safe in a cookie, a
	/// header and an HTML attribute.
	/// Stateless; safe from any thread.
	/// Errors: Poco::SystemException if the kernel refuses.
{
public:
	static std::string generate();

	static bool looksValid(const std::string& token);
		/// True when token has the shape generate() gives (43 base64url
		/// characters), so that nothing else is ever looked up.
};

} // namespace uiadmin

#endif // uiadmin_RandomToken_INCLUDED
