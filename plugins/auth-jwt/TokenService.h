//
// TokenService.h
//
// Issuing and verifying the API's access tokens.
//

#ifndef authjwt_TokenService_INCLUDED
#define authjwt_TokenService_INCLUDED

#include "restream/Identity.h"
#include <Poco/JWT/Signer.h>
#include <Poco/Timespan.h>
#include <cstddef>
#include <string>

namespace authjwt {

class TokenService
	/// Issues and verifies access tokens: JWTs signed with HS256 (the only
	/// algorithm accepted), carrying sub, iss, iat, exp and a random jti.
	///
	/// Immutable once built; issue() and verify() are safe from any thread.
{
public:
	TokenService(const std::string& secret, const std::string& issuer, const Poco::Timespan& lifetime);
		/// Throws Poco::InvalidArgumentException when checkSecret() refuses
		/// secret, issuer is empty or not isClaimText(), or lifetime is
		/// shorter than a second.

	std::string issue(const std::string& subject) const;
		/// Returns a new token for subject, valid for lifetime().
		/// Throws Poco::InvalidArgumentException when subject is not
		/// isClaimText(), Poco::SystemException if no random jti can be drawn.

	restream::Identity verify(const std::string& token) const;
		/// Returns an authenticated Identity whose subject is the token's
		/// sub when the token is well formed, signed with HS256 and this
		/// secret (compared in constant time, canonical encoding only), and
		/// its claims hold (RFC 7519 §4.1, RFC 7515 §4.1.11):
		///   - exp is a NumericDate (a JSON number in the signed 64-bit
		///     range) not more than CLOCK_SKEW_SECONDS in the past, nor
		///     further in the future than lifetime() + CLOCK_SKEW_SECONDS (a
		///     token this server would not issue: 1e300 or 2^63 never expire);
		///   - nbf, when present, is a NumericDate not more than
		///     CLOCK_SKEW_SECONDS in the future;
		///   - iss is this issuer, sub a non-empty string;
		///   - the header has no crit parameter (no extension is understood).
		/// Otherwise an Identity with a reason. Never throws.

	const Poco::Timespan& lifetime() const;
		/// How long an issued token is valid.

	static void checkSecret(const std::string& secret);
		/// Throws Poco::InvalidArgumentException if secret is shorter than
		/// MIN_SECRET_LENGTH bytes, a known placeholder (also repeated, any
		/// case) or one character repeated. The message never quotes secret.

	static bool isClaimText(const std::string& text);
		/// True when text is well-formed UTF-8, as sub and iss must be: a
		/// token carries them in JSON, which every parser (Poco's in verify())
		/// refuses otherwise, so that the token would never verify.

	static constexpr std::size_t MIN_SECRET_LENGTH = 32;
	static constexpr std::size_t MAX_TOKEN_LENGTH = 8192;
	static constexpr int CLOCK_SKEW_SECONDS = 30;

private:
	bool hasValidSignature(const std::string& token) const;
		/// Recomputes the HS256 signature and compares its canonical encoding
		/// in constant time, before any of the token is parsed (Poco's Signer
		/// parses first and compares decoded digests with operator==).

	restream::Identity checkClaims(const Poco::JWT::Token& token) const;
		/// Checks crit, exp, nbf, iss and sub, which Poco's Signer does not.

	std::string _secret;
	Poco::JWT::Signer _signer;
	std::string _issuer;
	Poco::Timespan _lifetime;
};

inline const Poco::Timespan& TokenService::lifetime() const
{
	return _lifetime;
}

} // namespace authjwt

#endif // authjwt_TokenService_INCLUDED
