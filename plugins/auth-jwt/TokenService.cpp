//
// TokenService.cpp
//

#include "TokenService.h"
#include "ConstantTime.h"
#include "SecureRandom.h"
#include <Poco/Base64Encoder.h>
#include <Poco/HMACEngine.h>
#include <Poco/JWT/JWTException.h>
#include <Poco/JWT/Token.h>
#include <Poco/SHA2Engine.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <Poco/UTF8Encoding.h>
#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

namespace authjwt {

namespace {

class Sha256Engine : public Poco::SHA2Engine
	/// SHA2Engine with the constants Poco::HMACEngine needs.
{
public:
	enum
	{
		BLOCK_SIZE = 64,
		DIGEST_SIZE = 32
	};

	Sha256Engine(): Poco::SHA2Engine(Poco::SHA2Engine::SHA_256)
	{
	}
};

const std::vector<std::string>& placeholders()
	/// Known example secrets, lower case without '-', '_', '.' and spaces.
{
	static const std::vector<std::string> words = {"changeme", "changethis", "changeit", "replaceme", "secret",
		"secretkey", "yoursecret", "yoursecretkey", "yoursecretkeyhere", "supersecret", "supersecretkey", "jwtsecret",
		"jwtsecretkey", "mysecret", "mysecretkey", "your256bitsecret", "password", "default", "example", "test",
		"placeholder"};
	return words;
}

std::string normalized(const std::string& secret)
{
	std::string result;
	for (const char c : secret)
	{
		if (c != '-' && c != '_' && c != '.' && c != ' ') result += c;
	}
	return Poco::toLower(result);
}

bool isRepetitionOf(const std::string& text, const std::string& unit)
{
	if (text.empty() || unit.empty() || text.size() % unit.size() != 0) return false;
	for (std::size_t i = 0; i < text.size(); i += unit.size())
	{
		if (text.compare(i, unit.size(), unit) != 0) return false;
	}
	return true;
}

bool isPlaceholder(const std::string& secret)
{
	const std::string text = normalized(secret);
	for (const std::string& word : placeholders())
	{
		if (isRepetitionOf(text, word)) return true;
	}
	for (const char* marker : {"changeme", "changethis", "replaceme", "yoursecret", "placeholder"})
	{
		if (text.find(marker) != std::string::npos) return true;
	}
	return false;
}

std::string base64Url(const Poco::DigestEngine::Digest& digest)
{
	std::ostringstream text;
	Poco::Base64Encoder encoder(text, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
	encoder.write(reinterpret_cast<const char*>(digest.data()), static_cast<std::streamsize>(digest.size()));
	encoder.close();
	return text.str();
}

restream::Identity refused(const std::string& reason)
{
	restream::Identity identity;
	identity.reason = reason;
	return identity;
}

bool numericDate(const Poco::Dynamic::Var& value, double& seconds)
	/// True when value is a NumericDate (RFC 7519 §2): a JSON number within
	/// the signed 64-bit range. Strings, booleans, null and numbers beyond
	/// the range (which Poco reads as unsigned integers or doubles, 2^64 as 0)
	/// are not.
{
	if (value.isEmpty() || value.isBoolean() || !value.isNumeric()) return false;
	if (value.isInteger() && !value.isSigned()) return false;
	seconds = value.convert<double>();
	return std::isfinite(seconds) && std::fabs(seconds) < 9.2e18;
}

} // namespace

TokenService::TokenService(const std::string& secret, const std::string& issuer, const Poco::Timespan& lifetime):
	_secret(secret),
	_signer(secret),
	_issuer(issuer),
	_lifetime(lifetime)
{
	checkSecret(secret);
	if (issuer.empty()) throw Poco::InvalidArgumentException("setting issuer must not be empty");
	if (!isClaimText(issuer)) throw Poco::InvalidArgumentException("setting issuer must be UTF-8 text");
	if (lifetime.totalSeconds() < 1) throw Poco::InvalidArgumentException("setting tokenLifetime must be at least 1 s");
	_signer.setAlgorithms({Poco::JWT::Signer::ALGO_HS256});
}

std::string TokenService::issue(const std::string& subject) const
{
	if (!isClaimText(subject)) throw Poco::InvalidArgumentException("the subject of a token must be UTF-8 text");
	const Poco::Int64 now = Poco::Timestamp().epochTime();
	Poco::JWT::Token token;
	token.setType("JWT");
	token.setSubject(subject);
	token.setIssuer(_issuer);
	token.payload().set(Poco::JWT::Token::CLAIM_ISSUED_AT, now);
	token.payload().set(Poco::JWT::Token::CLAIM_EXPIRATION, now + static_cast<Poco::Int64>(_lifetime.totalSeconds()));
	token.setId(SecureRandom::hex(16));
	return _signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
}

restream::Identity TokenService::verify(const std::string& token) const
{
	try
	{
		if (token.empty()) return refused("No token was given.");
		if (token.size() > MAX_TOKEN_LENGTH) return refused("The token is too long.");
		if (!hasValidSignature(token)) return refused("The token is malformed or its signature is invalid.");
		return checkClaims(_signer.verify(token));
	}
	catch (const Poco::JWT::UnallowedAlgorithmException&)
	{
		return refused("The token's signing algorithm is not accepted.");
	}
	catch (...)
	{
		return refused("The token is malformed.");
	}
}

void TokenService::checkSecret(const std::string& secret)
{
	const std::string advice =
		": set a random value of at least 32 bytes (e.g. from `openssl rand -hex 32`), or leave it empty to have one "
		"generated and kept in the state directory";
	if (isPlaceholder(secret)) throw Poco::InvalidArgumentException("the JWT secret is a known placeholder" + advice);
	if (!secret.empty() && secret.find_first_not_of(secret[0]) == std::string::npos)
		throw Poco::InvalidArgumentException("the JWT secret is one character repeated" + advice);
	if (secret.size() < MIN_SECRET_LENGTH)
		throw Poco::InvalidArgumentException(
			"the JWT secret is shorter than " + std::to_string(MIN_SECRET_LENGTH) + " bytes" + advice);
}

bool TokenService::isClaimText(const std::string& text)
{
	const Poco::UTF8Encoding utf8;
	const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
	for (std::size_t at = 0; at < text.size();)
	{
		const int length = utf8.sequenceLength(bytes + at, static_cast<int>(std::min<std::size_t>(text.size() - at, 4)));
		if (length < 1 || static_cast<std::size_t>(length) > text.size() - at || !Poco::UTF8Encoding::isLegal(bytes + at, length))
			return false;
		at += static_cast<std::size_t>(length);
	}
	return true;
}

bool TokenService::hasValidSignature(const std::string& token) const
{
	const std::size_t firstDot = token.find('.');
	const std::size_t lastDot = token.rfind('.');
	if (firstDot == std::string::npos || firstDot == lastDot || token.find('.', firstDot + 1) != lastDot) return false;
	Poco::HMACEngine<Sha256Engine> hmac(_secret);
	hmac.update(token.data(), lastDot);
	return ConstantTime::equals(token.substr(lastDot + 1), base64Url(hmac.digest()));
}

restream::Identity TokenService::checkClaims(const Poco::JWT::Token& token) const
{
	if (token.header().has("crit")) return refused("The token requires extensions that this server does not support (crit).");

	const Poco::JSON::Object& claims = token.payload();
	const double now = static_cast<double>(Poco::Timestamp().epochMicroseconds()) / 1e6;
	double expiry = 0;
	if (!numericDate(claims.get(Poco::JWT::Token::CLAIM_EXPIRATION), expiry)) return refused("The token has no valid expiry time.");
	if (!(expiry + CLOCK_SKEW_SECONDS > now)) return refused("The token has expired.");
	if (expiry > now + static_cast<double>(_lifetime.totalSeconds() + CLOCK_SKEW_SECONDS))
		return refused("The token's expiry time is further away than this server's token lifetime.");

	if (claims.has(Poco::JWT::Token::CLAIM_NOT_BEFORE))
	{
		double notBefore = 0;
		if (!numericDate(claims.get(Poco::JWT::Token::CLAIM_NOT_BEFORE), notBefore))
			return refused("The token's not-before time is not a valid date.");
		if (notBefore > now + CLOCK_SKEW_SECONDS) return refused("The token is not valid yet.");
	}

	const Poco::Dynamic::Var issuer = claims.get(Poco::JWT::Token::CLAIM_ISSUER);
	if (!issuer.isString() || issuer.extract<std::string>() != _issuer)
		return refused("The token was not issued by this server.");

	const Poco::Dynamic::Var subject = claims.get(Poco::JWT::Token::CLAIM_SUBJECT);
	if (!subject.isString() || subject.extract<std::string>().empty()) return refused("The token names no user.");

	restream::Identity identity;
	identity.authenticated = true;
	identity.subject = subject.extract<std::string>();
	return identity;
}

} // namespace authjwt
