//
// AuthJwtUnitTest.cpp
//
// Unit tests of the auth-jwt plugin's parts: PasswordHash, TokenService,
// LoginThrottle and FirstStart (the plugin's objects, auth-jwt-objects).
//

#include "FirstStart.h"
#include "LogCapture.h"
#include "LoginThrottle.h"
#include "PasswordHash.h"
#include "TokenService.h"
#include <Poco/AutoPtr.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/HMACEngine.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/SHA2Engine.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Timestamp.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <atomic>
#include <cstdlib>
#include <crypt.h>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

using authjwt::FirstStart;
using authjwt::LoginThrottle;
using authjwt::PasswordHash;
using authjwt::TokenService;

namespace {

const std::string SECRET = "5f1c0e9a7b3d42c8a6e1f0b9d8c7a6e5";
const std::string ISSUER = "restream";

class Sha256Engine : public Poco::SHA2Engine
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

std::string base64Url(const std::string& data)
{
	std::ostringstream text;
	Poco::Base64Encoder encoder(text, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
	encoder << data;
	encoder.close();
	return text.str();
}

std::string hs256(const std::string& secret, const std::string& data)
{
	Poco::HMACEngine<Sha256Engine> hmac(secret);
	hmac.update(data);
	const Poco::DigestEngine::Digest& digest = hmac.digest();
	return base64Url(std::string(digest.begin(), digest.end()));
}

std::string handSigned(const std::string& header, const std::string& payload, const std::string& secret = SECRET)
	/// A token built by hand: base64url(header).base64url(payload).HS256.
{
	const std::string signingInput = base64Url(header) + "." + base64Url(payload);
	return signingInput + "." + hs256(secret, signingInput);
}

Poco::Int64 now()
{
	return Poco::Timestamp().epochTime();
}

std::string claims(Poco::Int64 expiry, const std::string& issuer = ISSUER)
{
	return "{\"sub\":\"admin\",\"iss\":\"" + issuer + "\",\"iat\":" + std::to_string(now()) +
		",\"exp\":" + std::to_string(expiry) + "}";
}

std::string makeHash(const char* prefix, unsigned long cost, const std::string& password)
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	CPPUNIT_ASSERT(crypt_gensalt_rn(prefix, cost, nullptr, 0, setting, sizeof(setting)) != nullptr);
	crypt_data data = {};
	const char* hash = crypt_r(password.c_str(), setting, &data);
	CPPUNIT_ASSERT(hash != nullptr && hash[0] != '*');
	return hash;
}

int modeOf(const std::string& path)
{
	struct stat status;
	CPPUNIT_ASSERT(::stat(path.c_str(), &status) == 0);
	return static_cast<int>(status.st_mode & 07777);
}

std::string contentOf(const std::string& path)
{
	Poco::FileInputStream in(path);
	std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
	return text.substr(0, text.find('\n'));
}

} // namespace

class AuthJwtUnitTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(AuthJwtUnitTest);
	CPPUNIT_TEST(testKnownBcryptVectors);
	CPPUNIT_TEST(testBcrypt2b);
	CPPUNIT_TEST(testBcrypt2y);
	CPPUNIT_TEST(testSha512Crypt);
	CPPUNIT_TEST(testYescrypt);
	CPPUNIT_TEST(testMalformedHashRefused);
	CPPUNIT_TEST(testOddPasswordsRefused);
	CPPUNIT_TEST(testGeneratedHash);
	CPPUNIT_TEST(testIssuedTokenVerifies);
	CPPUNIT_TEST(testAlgNoneRefused);
	CPPUNIT_TEST(testOtherAlgorithmsRefused);
	CPPUNIT_TEST(testBadSignatureRefused);
	CPPUNIT_TEST(testNonCanonicalSignatureRefused);
	CPPUNIT_TEST(testOtherSecretRefused);
	CPPUNIT_TEST(testExpiryChecked);
	CPPUNIT_TEST(testRegisteredClaimsTable);
	CPPUNIT_TEST(testIssuerChecked);
	CPPUNIT_TEST(testSubjectRequired);
	CPPUNIT_TEST(testClaimsMustBeUtf8);
	CPPUNIT_TEST(testMalformedTokensRefused);
	CPPUNIT_TEST(testWeakSecretsRefused);
	CPPUNIT_TEST(testGoodSecretsAccepted);
	CPPUNIT_TEST(testThrottleDelaysGrow);
	CPPUNIT_TEST(testThrottleRefusesAfterMax);
	CPPUNIT_TEST(testThrottleSuccessResets);
	CPPUNIT_TEST(testThrottleWindowSlides);
	CPPUNIT_TEST(testThrottleClientsSeparate);
	CPPUNIT_TEST(testThrottleMemoryBounded);
	CPPUNIT_TEST(testThrottleConcurrentAttempts);
	CPPUNIT_TEST(testThrottleInvalidLimits);
	CPPUNIT_TEST(testFirstStartPassword);
	CPPUNIT_TEST(testFirstStartSecret);
	CPPUNIT_TEST(testPrivateFileModeRepaired);
	CPPUNIT_TEST(testPrivateFileSymlinkRefused);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_now = 1000000000;
		_secrets.clear();
		_directory = Poco::TemporaryFile::tempName();
		Poco::File(_directory).createDirectories();
		_channel = new restream::test::LogCapture;
		_logger = &Poco::Logger::get("AuthJwtUnitTest");
		_logger->setChannel(_channel);
		_logger->setLevel(Poco::Message::PRIO_DEBUG);
	}

	void tearDown() override
	{
		_logger->setChannel(nullptr);
		Poco::File(_directory).remove(true);
	}

	// PasswordHash

	void testKnownBcryptVectors()
	{
		// The classic crypt_blowfish test vector, under each bcrypt prefix.
		for (const char* prefix : {"$2a$", "$2b$", "$2y$"})
		{
			const PasswordHash hash(std::string(prefix) + "05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW");
			CPPUNIT_ASSERT(hash.verify("U*U"));
			CPPUNIT_ASSERT(!hash.verify("U*V"));
			CPPUNIT_ASSERT(!hash.verify(""));
		}
	}

	void testBcrypt2b()
	{
		checkScheme("$2b$", 4);
	}

	void testBcrypt2y()
	{
		checkScheme("$2y$", 4);
		checkScheme("$2a$", 4);
	}

	void testSha512Crypt()
	{
		checkScheme("$6$", 5000);
		// Made by OpenSSL (openssl passwd -6 -salt saltsalt 'correct horse').
		const PasswordHash openssl(
			"$6$saltsalt$hRM5XZ86KXEw9UOmjigeVqFgULtFB2sgpC9lXQDfMib3Zgw7mEiUvBJI2EplzfAqxL5Vvwp2scFtv/uamSo5z0");
		CPPUNIT_ASSERT(openssl.verify("correct horse"));
		CPPUNIT_ASSERT(!openssl.verify("correct horse "));
	}

	void testYescrypt()
	{
		checkScheme("$y$", 5);
	}

	void testMalformedHashRefused()
	{
		const std::string good = makeHash("$2b$", 4, "pw");
		const std::vector<std::string> bad = {"", "plain-text-password", "$1$saltsalt$3Vy0Z9Dh4m7vCR2/mW2Gv.",
			"$5$saltsalt$Nj3VOo.ay8/9yJ0XbnaIiTW9OWPBSX0CbL6bFZNrUl3", "$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
			"abDEF0123456.", good.substr(0, good.size() - 1), good + "x", good + "\n", " " + good,
			good.substr(0, 29) + "!" + good.substr(30), "$2b$99$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
			"$6$saltsalt$", "$y$", "$y$j9T$", "$2b$"};
		for (const std::string& hash : bad)
		{
			try
			{
				PasswordHash refused(hash);
				CPPUNIT_FAIL("accepted: " + hash);
			}
			catch (const Poco::InvalidArgumentException& exc)
			{
				CPPUNIT_ASSERT(exc.message().find("bcrypt") != std::string::npos);
				if (hash.size() > 4) CPPUNIT_ASSERT(exc.message().find(hash) == std::string::npos);
			}
		}
	}

	void testOddPasswordsRefused()
	{
		const std::string password(std::string("abc") + '\0' + "def");
		const PasswordHash hash(makeHash("$6$", 1000, "abc"));
		CPPUNIT_ASSERT(hash.verify("abc"));
		CPPUNIT_ASSERT(!hash.verify(password)); // would be cut at the NUL byte by crypt_r
		const std::string longest(511, 'a');
		const PasswordHash longHash(makeHash("$6$", 1000, longest));
		CPPUNIT_ASSERT(longHash.verify(longest));
		CPPUNIT_ASSERT(!longHash.verify(longest + "a")); // libxcrypt refuses 512 bytes and more
		CPPUNIT_ASSERT(!longHash.verify(std::string(100000, 'a')));
	}

	void testGeneratedHash()
	{
		const std::string hash = PasswordHash::generate("s3cret-Pa55");
		CPPUNIT_ASSERT_EQUAL(std::string("$2b$12$"), hash.substr(0, 7));
		CPPUNIT_ASSERT(PasswordHash(hash).verify("s3cret-Pa55"));
		CPPUNIT_ASSERT(!PasswordHash(hash).verify("s3cret-Pa56"));
		CPPUNIT_ASSERT(hash != PasswordHash::generate("s3cret-Pa55")); // salted
	}

	// TokenService

	void testIssuedTokenVerifies()
	{
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const std::string token = tokens.issue("admin");
		const restream::Identity identity = tokens.verify(token);
		CPPUNIT_ASSERT(identity.authenticated);
		CPPUNIT_ASSERT_EQUAL(std::string("admin"), identity.subject);
		CPPUNIT_ASSERT(identity.reason.empty());

		const Poco::JWT::Token parsed(token);
		CPPUNIT_ASSERT_EQUAL(std::string("HS256"), parsed.getAlgorithm());
		CPPUNIT_ASSERT_EQUAL(ISSUER, parsed.getIssuer());
		CPPUNIT_ASSERT_EQUAL(std::size_t(32), parsed.getId().size());
		const Poco::Dynamic::Var expiry = parsed.payload().get("exp");
		const Poco::Dynamic::Var issuedAt = parsed.payload().get("iat");
		CPPUNIT_ASSERT(expiry.isInteger() && issuedAt.isInteger()); // integers, not Poco's default floats
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(3600), expiry.convert<Poco::Int64>() - issuedAt.convert<Poco::Int64>());
		CPPUNIT_ASSERT(std::abs(issuedAt.convert<Poco::Int64>() - now()) <= 2);
		CPPUNIT_ASSERT(Poco::JWT::Token(tokens.issue("admin")).getId() != parsed.getId());
	}

	void testAlgNoneRefused()
	{
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const std::string payload = base64Url(claims(now() + 3600));
		for (const std::string& header : {std::string("{\"alg\":\"none\"}"), std::string("{\"alg\":\"none\",\"typ\":\"JWT\"}"),
				 std::string("{\"alg\":\"None\"}"), std::string("{\"alg\":\"NONE\"}"), std::string("{}")})
		{
			const std::string unsigned_ = base64Url(header) + "." + payload + ".";
			expectRefused(tokens, unsigned_);
			expectRefused(tokens, base64Url(header) + "." + payload);
		}
		expectRefused(tokens, "eyJhbGciOiJub25lIn0." + payload + ".");
		// Even with a valid HS256 signature over it, a header saying none is refused.
		expectRefused(tokens, handSigned("{\"alg\":\"none\"}", claims(now() + 3600)));
	}

	void testOtherAlgorithmsRefused()
	{
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		Poco::JWT::Token token(makePocoToken(now() + 3600));
		Poco::JWT::Signer hs512(SECRET);
		hs512.addAlgorithm(Poco::JWT::Signer::ALGO_HS512);
		expectRefused(tokens, hs512.sign(token, Poco::JWT::Signer::ALGO_HS512));
		expectRefused(tokens, hs512.sign(token, Poco::JWT::Signer::ALGO_HS384));
		// A header naming another algorithm, signed with HS256 and our secret.
		for (const char* algorithm : {"HS512", "RS256", "ES256", "PS256", "hs256"})
		{
			expectRefused(tokens, handSigned(std::string("{\"alg\":\"") + algorithm + "\"}", claims(now() + 3600)));
		}
		// RS256 with some signature bytes.
		expectRefused(tokens, base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims(now() + 3600)) + "." +
				base64Url(std::string(256, '\x5a')));
	}

	void testBadSignatureRefused()
	{
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const std::string token = tokens.issue("admin");
		const std::size_t signature = token.rfind('.') + 1;
		const std::size_t middle = signature + (token.size() - signature) / 2;
		std::string tampered = token;
		tampered[middle] = tampered[middle] == 'A' ? 'B' : 'A';
		expectRefused(tokens, tampered);
		// Tampered payload, signature kept.
		const std::size_t payload = token.find('.') + 1;
		const std::string forged = token.substr(0, payload) + base64Url(claims(now() + 999999)) + token.substr(signature - 1);
		expectRefused(tokens, forged);
		// Signature cut or emptied.
		expectRefused(tokens, token.substr(0, token.size() - 1));
		expectRefused(tokens, token.substr(0, signature));
	}

	void testNonCanonicalSignatureRefused()
	{
		// The last base64url character of an HS256 signature carries 2 unused
		// bits: Poco's decoder accepts 4 spellings. Only the canonical one is.
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const std::string token = tokens.issue("admin");
		const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		int accepted = 0;
		for (const char c : alphabet)
		{
			std::string variant = token;
			variant.back() = c;
			if (tokens.verify(variant).authenticated) ++accepted;
		}
		CPPUNIT_ASSERT_EQUAL(1, accepted);
	}

	void testOtherSecretRefused()
	{
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const TokenService others("another-secret-of-32-bytes-or-more-7d1e", ISSUER, Poco::Timespan(3600, 0));
		expectRefused(tokens, others.issue("admin"));
		expectRefused(tokens, handSigned("{\"alg\":\"HS256\"}", claims(now() + 3600), SECRET + "x"));
	}

	void testExpiryChecked()
	{
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const std::string header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
		CPPUNIT_ASSERT(tokens.verify(handSigned(header, claims(now() + 60))).authenticated);
		CPPUNIT_ASSERT(tokens.verify(handSigned(header, claims(now() - 10))).authenticated); // within the skew
		expectRefused(tokens, handSigned(header, claims(now() - 60)), "expired");
		expectRefused(tokens, handSigned(header, claims(0)), "expired");
		expectRefused(tokens, handSigned(header, "{\"sub\":\"admin\",\"iss\":\"restream\"}"), "expiry");
		expectRefused(tokens, handSigned(header, "{\"sub\":\"admin\",\"iss\":\"restream\",\"exp\":\"99999999999\"}"), "expiry");
		expectRefused(tokens, handSigned(header, "{\"sub\":\"admin\",\"iss\":\"restream\",\"exp\":true}"), "expiry");
		expectRefused(tokens, handSigned(header, "{\"sub\":\"admin\",\"iss\":\"restream\",\"exp\":null}"), "expiry");
		// Poco's own (float) timestamps are numbers too.
		Poco::JWT::Token past(makePocoToken(0));
		past.setExpiration(Poco::Timestamp() - Poco::Timespan(120, 0));
		expectRefused(tokens, Poco::JWT::Signer(SECRET).sign(past, "HS256"), "expired");
		Poco::JWT::Token future(makePocoToken(0));
		future.setExpiration(Poco::Timestamp() + Poco::Timespan(120, 0));
		CPPUNIT_ASSERT(tokens.verify(Poco::JWT::Signer(SECRET).sign(future, "HS256")).authenticated);
	}

	void testRegisteredClaimsTable()
	{
		// RFC 7519 §4.1.4 (exp), §4.1.5 (nbf), RFC 7515 §4.1.11 (crit): every row refused with a reason,
		// never accepted by accident, never an exception.
		struct Row
		{
			std::string header;
			std::string claims;
			std::string refusal; /// a part of the reason; empty: accepted
		};
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const std::string hs256Header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
		const auto at = [](Poco::Int64 seconds) { return std::to_string(now() + seconds); };
		const auto with = [](const std::string& members) { return "{\"sub\":\"admin\",\"iss\":\"restream\"," + members + "}"; };
		const std::string exp = "\"exp\":" + at(60);
		const std::vector<Row> rows = {
			{hs256Header, with(exp), ""},
			{hs256Header, with("\"exp\":" + at(60) + ".5"), ""},
			{hs256Header, with("\"exp\":" + at(3600)), ""},
			{hs256Header, with(exp + ",\"nbf\":" + at(0)), ""},
			{hs256Header, with(exp + ",\"nbf\":" + at(20)), ""}, // within the clock skew
			{hs256Header, with(exp + ",\"nbf\":" + at(-86400)), ""},
			{hs256Header, with(exp + ",\"nbf\":-5"), ""},
			// nbf in the future, or not a date
			{hs256Header, with(exp + ",\"nbf\":" + at(120)), "not valid yet"},
			{hs256Header, with(exp + ",\"nbf\":" + at(100000000)), "not valid yet"},
			{hs256Header, with(exp + ",\"nbf\":1e300"), "not-before"},
			{hs256Header, with(exp + ",\"nbf\":18446744073709551615"), "not-before"},
			{hs256Header, with(exp + ",\"nbf\":\"0\""), "not-before"},
			{hs256Header, with(exp + ",\"nbf\":true"), "not-before"},
			{hs256Header, with(exp + ",\"nbf\":null"), "not-before"},
			{hs256Header, with(exp + ",\"nbf\":{}"), "not-before"},
			// absurd expiry times
			{hs256Header, with("\"exp\":1e300"), "expiry"},
			{hs256Header, with("\"exp\":1e19"), "expiry"},
			{hs256Header, with("\"exp\":9223372036854775807"), "expiry"},
			{hs256Header, with("\"exp\":9223372036854775808"), "expiry"},
			{hs256Header, with("\"exp\":18446744073709551615"), "expiry"},
			{hs256Header, with("\"exp\":18446744073709551616"), "expiry"}, // Poco reads 2^64 as 0
			{hs256Header, with("\"exp\":99999999999999999999999"), "malformed"},
			{hs256Header, with("\"exp\":" + at(3600 + 3600)), "expiry"}, // longer than this server issues
			{hs256Header, with("\"exp\":" + at(Poco::Int64(86400) * 365 * 100)), "expiry"},
			{hs256Header, with("\"exp\":-1"), "expired"},
			{hs256Header, with("\"exp\":-9223372036854775808"), "expiry"},
			{hs256Header, with("\"exp\":-1e300"), "expiry"},
			{hs256Header, with("\"exp\":1e3"), "expired"},
			{hs256Header, with("\"exp\":\"" + at(60) + "\""), "expiry"},
			{hs256Header, with("\"exp\":[" + at(60) + "]"), "expiry"},
			{hs256Header, with("\"exp\":{}"), "expiry"},
			// critical header parameters: none is understood
			{"{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", with(exp), "crit"},
			{"{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}", with(exp), "crit"},
			{"{\"alg\":\"HS256\",\"crit\":[]}", with(exp), "crit"},
			{"{\"alg\":\"HS256\",\"crit\":\"http://example.org/ext\"}", with(exp), "crit"},
			{"{\"alg\":\"HS256\",\"crit\":null}", with(exp), "crit"},
			{"{\"alg\":\"HS256\",\"kid\":\"1\",\"cty\":\"JWT\"}", with(exp), ""},
		};
		for (const Row& row : rows)
		{
			const std::string token = handSigned(row.header, row.claims);
			restream::Identity identity;
			CPPUNIT_ASSERT_NO_THROW(identity = tokens.verify(token));
			const std::string what = row.header + " " + row.claims + ": " + identity.reason;
			if (row.refusal.empty())
			{
				CPPUNIT_ASSERT_MESSAGE(what, identity.authenticated);
				CPPUNIT_ASSERT_EQUAL(std::string("admin"), identity.subject);
				continue;
			}
			CPPUNIT_ASSERT_MESSAGE(what, !identity.authenticated);
			CPPUNIT_ASSERT(identity.subject.empty());
			CPPUNIT_ASSERT_MESSAGE(what, identity.reason.find(row.refusal) != std::string::npos);
		}
	}

	void testIssuerChecked()
	{
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const std::string header = "{\"alg\":\"HS256\"}";
		expectRefused(tokens, handSigned(header, claims(now() + 60, "someone-else")), "issued");
		expectRefused(tokens, handSigned(header, claims(now() + 60, "Restream")), "issued");
		expectRefused(tokens, handSigned(header, "{\"sub\":\"admin\",\"exp\":" + std::to_string(now() + 60) + "}"), "issued");
		const TokenService otherIssuer(SECRET, "other", Poco::Timespan(3600, 0));
		expectRefused(tokens, otherIssuer.issue("admin"), "issued");
	}

	void testSubjectRequired()
	{
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const std::string expiry = std::to_string(now() + 60);
		expectRefused(tokens, handSigned("{\"alg\":\"HS256\"}", "{\"iss\":\"restream\",\"exp\":" + expiry + "}"));
		expectRefused(tokens, handSigned("{\"alg\":\"HS256\"}", "{\"sub\":\"\",\"iss\":\"restream\",\"exp\":" + expiry + "}"));
		expectRefused(tokens, handSigned("{\"alg\":\"HS256\"}", "{\"sub\":42,\"iss\":\"restream\",\"exp\":" + expiry + "}"));
	}

	void testClaimsMustBeUtf8()
	{
		// found by fuzz/jwt-token.cpp: a subject in Latin-1 gave a token that never verified
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		for (const char* subject : {"admin\x97", "\xE9l\xE8ve", "cut\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"})
		{
			CPPUNIT_ASSERT_MESSAGE(subject, !TokenService::isClaimText(subject));
			CPPUNIT_ASSERT_THROW_MESSAGE(subject, tokens.issue(subject), Poco::InvalidArgumentException);
		}
		for (const char* subject : {"admin", "\xC3\xA9l\xC3\xA8ve", "\xF0\x9F\x93\xBA", "a\x01b"})
		{
			CPPUNIT_ASSERT_MESSAGE(subject, TokenService::isClaimText(subject));
			const restream::Identity identity = tokens.verify(tokens.issue(subject));
			CPPUNIT_ASSERT_MESSAGE(subject, identity.authenticated);
			CPPUNIT_ASSERT_EQUAL(std::string(subject), identity.subject);
		}
		CPPUNIT_ASSERT_THROW((TokenService(SECRET, "restr\xE9" "am", Poco::Timespan(60, 0))), Poco::InvalidArgumentException);
	}

	void testMalformedTokensRefused()
	{
		const TokenService tokens(SECRET, ISSUER, Poco::Timespan(3600, 0));
		const std::string good = tokens.issue("admin");
		const std::vector<std::string> malformed = {"", "garbage", "a.b", "a.b.c", "a.b.c.d", "...", "..", ".",
			"!!!.###.$$$", good + ".", "." + good, good + "." + good, std::string(TokenService::MAX_TOKEN_LENGTH + 1, 'a'),
			"eyJhbGciOiJIUzI1NiJ9.%%%%.c2ln", std::string("\0\0\0", 3), "Bearer " + good};
		for (const std::string& token : malformed) expectRefused(tokens, token);

		// Correctly signed, but the parts are not base64url JSON objects.
		const std::string notJson = "bm90IGpzb24";
		expectRefused(tokens, notJson + "." + notJson + "." + hs256(SECRET, notJson + "." + notJson));
		const std::string badBase64 = "e30!!.e30";
		expectRefused(tokens, badBase64 + "." + hs256(SECRET, badBase64));
		expectRefused(tokens, handSigned("[\"HS256\"]", claims(now() + 60)));
		expectRefused(tokens, handSigned("{\"alg\":\"HS256\"}", "[1,2,3]"));
		expectRefused(tokens, handSigned("{\"alg\":\"HS256\"}", "{\"sub\":\"admin\""));
		expectRefused(tokens, handSigned("{\"alg\":\"HS256\"}", std::string(200, '[') + std::string(200, ']')));
	}

	void testWeakSecretsRefused()
	{
		const std::vector<std::string> weak = {"", "short", std::string(30, 'x') + "y", "changeme", "CHANGE_ME", "change-me",
			"Change Me", "secret", "your-secret-key", "supersecret", "jwt_secret", "changemechangemechangemechangeme",
			"SECRETSECRETSECRETSECRETSECRETSECRET", "your-256-bit-secret-your-256-bit-secret",
			"please-changeme-before-going-to-production-ok", std::string(64, 'a'), std::string(40, '0')};
		for (const std::string& secret : weak)
		{
			try
			{
				TokenService::checkSecret(secret);
				CPPUNIT_FAIL("accepted: " + secret);
			}
			catch (const Poco::InvalidArgumentException& exc)
			{
				if (secret.size() >= 16) CPPUNIT_ASSERT(exc.message().find(secret) == std::string::npos);
			}
			CPPUNIT_ASSERT_THROW((TokenService(secret, ISSUER, Poco::Timespan(60, 0))), Poco::InvalidArgumentException);
		}
	}

	void testGoodSecretsAccepted()
	{
		CPPUNIT_ASSERT_NO_THROW(TokenService::checkSecret(SECRET));
		CPPUNIT_ASSERT_NO_THROW(TokenService::checkSecret("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
		CPPUNIT_ASSERT_NO_THROW(TokenService::checkSecret("correct horse battery staple, twice over!"));
		CPPUNIT_ASSERT_THROW((TokenService(SECRET, "", Poco::Timespan(60, 0))), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW((TokenService(SECRET, ISSUER, Poco::Timespan(0))), Poco::InvalidArgumentException);
	}

	// LoginThrottle

	void testThrottleDelaysGrow()
	{
		LoginThrottle throttle(limits(), clock());
		const Poco::Int64 expected[] = {0, 0, 0, 250, 500, 1000, 2000, 2000, 2000, 2000};
		for (int i = 0; i < 10; ++i)
		{
			const LoginThrottle::Attempt attempt = throttle.admit("192.0.2.1");
			CPPUNIT_ASSERT(attempt.admitted);
			CPPUNIT_ASSERT_EQUAL(expected[i], attempt.delay.totalMilliseconds());
			CPPUNIT_ASSERT_EQUAL(i == 9, attempt.locksOut);
			if (attempt.locksOut) CPPUNIT_ASSERT_EQUAL(Poco::Int64(891), Poco::Int64(attempt.retryAfter.totalSeconds()));
			_now += 1000000;
		}
	}

	void testThrottleRefusesAfterMax()
	{
		LoginThrottle throttle(limits(), clock());
		for (int i = 0; i < 10; ++i) CPPUNIT_ASSERT(throttle.admit("192.0.2.1").admitted);
		LoginThrottle::Attempt refused = throttle.admit("192.0.2.1");
		CPPUNIT_ASSERT(!refused.admitted);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(900), Poco::Int64(refused.retryAfter.totalSeconds()));
		_now += Poco::Int64(600) * 1000000;
		refused = throttle.admit("192.0.2.1");
		CPPUNIT_ASSERT(!refused.admitted);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(300), Poco::Int64(refused.retryAfter.totalSeconds()));
		// Refused attempts do not count: the lock ends when the window frees it.
		_now += Poco::Int64(300) * 1000000;
		CPPUNIT_ASSERT(throttle.admit("192.0.2.1").admitted);
	}

	void testThrottleSuccessResets()
	{
		LoginThrottle throttle(limits(), clock());
		for (int i = 0; i < 9; ++i) throttle.admit("192.0.2.1");
		CPPUNIT_ASSERT(throttle.admit("192.0.2.1").admitted); // the 10th attempt, right this time
		throttle.succeeded("192.0.2.1");
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), throttle.clients());
		const LoginThrottle::Attempt next = throttle.admit("192.0.2.1");
		CPPUNIT_ASSERT(next.admitted);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), next.delay.totalMicroseconds());
		throttle.succeeded("198.51.100.7"); // unknown: nothing happens
	}

	void testThrottleWindowSlides()
	{
		LoginThrottle throttle(limits(), clock());
		// 5 failures at t=0, 5 at t=500 s: locked until the first 5 leave.
		for (int i = 0; i < 5; ++i) throttle.admit("192.0.2.1");
		_now += Poco::Int64(500) * 1000000;
		for (int i = 0; i < 5; ++i) throttle.admit("192.0.2.1");
		CPPUNIT_ASSERT(!throttle.admit("192.0.2.1").admitted);
		_now += Poco::Int64(400) * 1000000; // t=900 s: the first 5 have left
		for (int i = 0; i < 5; ++i) CPPUNIT_ASSERT(throttle.admit("192.0.2.1").admitted);
		const LoginThrottle::Attempt refused = throttle.admit("192.0.2.1");
		CPPUNIT_ASSERT(!refused.admitted);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(500), Poco::Int64(refused.retryAfter.totalSeconds()));
		// After a whole window of quiet, the client is forgotten.
		_now += Poco::Int64(900) * 1000000;
		throttle.admit("198.51.100.7");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), throttle.clients());
	}

	void testThrottleClientsSeparate()
	{
		LoginThrottle throttle(limits(), clock());
		for (int i = 0; i < 10; ++i) throttle.admit("192.0.2.1");
		CPPUNIT_ASSERT(!throttle.admit("192.0.2.1").admitted);
		const LoginThrottle::Attempt other = throttle.admit("192.0.2.2");
		CPPUNIT_ASSERT(other.admitted);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), other.delay.totalMicroseconds());
	}

	void testThrottleMemoryBounded()
	{
		LoginThrottle::Limits small = limits();
		small.capacity = 3;
		LoginThrottle throttle(small, clock());
		for (int i = 0; i < 10; ++i) throttle.admit("192.0.2.1");
		for (int client = 2; client <= 50; ++client)
		{
			_now += 1;
			throttle.admit("192.0.2." + std::to_string(client));
			CPPUNIT_ASSERT(throttle.clients() <= 3);
		}
		// The least recently seen client was evicted first.
		CPPUNIT_ASSERT(throttle.admit("192.0.2.1").admitted);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), throttle.clients());
	}

	void testThrottleConcurrentAttempts()
	{
		LoginThrottle throttle(limits());
		std::atomic<int> admitted(0);
		std::vector<std::thread> threads;
		for (int t = 0; t < 8; ++t)
		{
			threads.emplace_back([&throttle, &admitted, t] {
				for (int i = 0; i < 200; ++i)
				{
					if (throttle.admit("192.0.2.1").admitted) ++admitted;
					throttle.admit("198.51.100." + std::to_string(t * 200 + i));
				}
			});
		}
		for (std::thread& thread : threads) thread.join();
		CPPUNIT_ASSERT_EQUAL(10, admitted.load());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1601), throttle.clients());
	}

	void testThrottleInvalidLimits()
	{
		LoginThrottle::Limits bad = limits();
		bad.maxFailures = 0;
		CPPUNIT_ASSERT_THROW((LoginThrottle(bad, clock())), Poco::InvalidArgumentException);
		bad = limits();
		bad.window = Poco::Timespan(0);
		CPPUNIT_ASSERT_THROW((LoginThrottle(bad, clock())), Poco::InvalidArgumentException);
		bad = limits();
		bad.freeFailures = -1;
		CPPUNIT_ASSERT_THROW((LoginThrottle(bad, clock())), Poco::InvalidArgumentException);
	}

	// FirstStart and PrivateFile

	void testFirstStartPassword()
	{
		std::ostringstream console;
		FirstStart firstStart(_directory, *_logger, console, sink());
		const std::string hash = firstStart.adminPasswordHash("admin");
		const std::string passwordPath = firstStart.pathOf(FirstStart::PASSWORD_FILE);
		const std::string hashPath = firstStart.pathOf(FirstStart::PASSWORD_HASH_FILE);
		CPPUNIT_ASSERT_EQUAL(0600, modeOf(passwordPath));
		CPPUNIT_ASSERT_EQUAL(0600, modeOf(hashPath));
		CPPUNIT_ASSERT_EQUAL(hash, contentOf(hashPath));

		const std::string password = contentOf(passwordPath);
		CPPUNIT_ASSERT(password.size() >= 16);
		CPPUNIT_ASSERT(password.find_first_not_of(FirstStart::PASSWORD_ALPHABET) == std::string::npos);
		CPPUNIT_ASSERT(PasswordHash(hash).verify(password));
		CPPUNIT_ASSERT(console.str().find("FIRST START") != std::string::npos);
		CPPUNIT_ASSERT(console.str().find("password: " + password) != std::string::npos);
		CPPUNIT_ASSERT(console.str().find(passwordPath) != std::string::npos);
		CPPUNIT_ASSERT(_channel->text().find(passwordPath) != std::string::npos);
		CPPUNIT_ASSERT(_channel->text().find(password) == std::string::npos);
		CPPUNIT_ASSERT(_channel->text().find(hash) == std::string::npos);
		// both handed to the host's redaction, before the log line
		CPPUNIT_ASSERT(_secrets == std::vector<std::string>({password, hash}));

		_secrets.clear();
		std::ostringstream secondConsole;
		FirstStart second(_directory, *_logger, secondConsole, sink());
		CPPUNIT_ASSERT_EQUAL(hash, second.adminPasswordHash("admin"));
		CPPUNIT_ASSERT(secondConsole.str().empty());
		CPPUNIT_ASSERT_EQUAL(password, contentOf(passwordPath));
		CPPUNIT_ASSERT(_secrets == std::vector<std::string>({password, hash}));
	}

	void testFirstStartSecret()
	{
		std::ostringstream console;
		FirstStart firstStart(_directory, *_logger, console, sink());
		const std::string secret = firstStart.jwtSecret();
		CPPUNIT_ASSERT_EQUAL(std::size_t(64), secret.size());
		CPPUNIT_ASSERT(secret.find_first_not_of("0123456789abcdef") == std::string::npos);
		CPPUNIT_ASSERT_NO_THROW(TokenService::checkSecret(secret));
		CPPUNIT_ASSERT_EQUAL(0600, modeOf(firstStart.pathOf(FirstStart::SECRET_FILE)));
		CPPUNIT_ASSERT(_secrets == std::vector<std::string>({secret}));
		CPPUNIT_ASSERT_EQUAL(secret, FirstStart(_directory, *_logger, console, sink()).jwtSecret());
		CPPUNIT_ASSERT(_secrets == std::vector<std::string>({secret, secret}));
		CPPUNIT_ASSERT(console.str().empty());
		CPPUNIT_ASSERT(_channel->text().find(secret) == std::string::npos);
	}

	void testPrivateFileModeRepaired()
	{
		std::ostringstream console;
		FirstStart firstStart(_directory, *_logger, console, sink());
		const std::string secret = firstStart.jwtSecret();
		const std::string path = firstStart.pathOf(FirstStart::SECRET_FILE);
		CPPUNIT_ASSERT(::chmod(path.c_str(), 0644) == 0);
		CPPUNIT_ASSERT_EQUAL(secret, firstStart.jwtSecret());
		CPPUNIT_ASSERT_EQUAL(0600, modeOf(path));
		CPPUNIT_ASSERT(_channel->text().find("0644") != std::string::npos);
	}

	void testPrivateFileSymlinkRefused()
	{
		std::ostringstream console;
		FirstStart firstStart(_directory, *_logger, console, sink());
		const std::string target = firstStart.pathOf("elsewhere");
		{
			Poco::FileOutputStream out(target);
			out << "0123456789abcdef0123456789abcdef0123456789abcdef\n";
		}
		CPPUNIT_ASSERT(::symlink(target.c_str(), firstStart.pathOf(FirstStart::SECRET_FILE).c_str()) == 0);
		CPPUNIT_ASSERT_THROW(firstStart.jwtSecret(), Poco::FileException);
	}

private:
	void checkScheme(const char* prefix, unsigned long cost)
	{
		const std::string hash = makeHash(prefix, cost, "correct horse battery staple");
		CPPUNIT_ASSERT_EQUAL(std::string(prefix), hash.substr(0, std::string(prefix).size()));
		const PasswordHash password(hash);
		CPPUNIT_ASSERT(password.verify("correct horse battery staple"));
		CPPUNIT_ASSERT(!password.verify("correct horse battery stapl"));
		CPPUNIT_ASSERT(!password.verify("Correct horse battery staple"));
		CPPUNIT_ASSERT(!password.verify(""));
	}

	static Poco::JWT::Token makePocoToken(Poco::Int64 expiry)
	{
		Poco::JWT::Token token;
		token.setType("JWT");
		token.setSubject("admin");
		token.setIssuer(ISSUER);
		token.payload().set("exp", expiry);
		return token;
	}

	static void expectRefused(const TokenService& tokens, const std::string& token, const std::string& reasonPart = "")
	{
		restream::Identity identity;
		CPPUNIT_ASSERT_NO_THROW(identity = tokens.verify(token));
		CPPUNIT_ASSERT_MESSAGE("accepted: " + token, !identity.authenticated);
		CPPUNIT_ASSERT(identity.subject.empty());
		CPPUNIT_ASSERT(!identity.reason.empty());
		if (!reasonPart.empty())
			CPPUNIT_ASSERT_MESSAGE(identity.reason + " lacks " + reasonPart, identity.reason.find(reasonPart) != std::string::npos);
	}

	static LoginThrottle::Limits limits()
	{
		LoginThrottle::Limits limits;
		limits.freeFailures = 3;
		limits.maxFailures = 10;
		limits.window = Poco::Timespan(900, 0);
		limits.firstDelay = Poco::Timespan(0, 250000);
		limits.maxDelay = Poco::Timespan(2, 0);
		return limits;
	}

	LoginThrottle::Clock clock()
	{
		return [this] { return _now; };
	}

	FirstStart::SecretSink sink()
		/// Keeps what FirstStart hands to the host's redaction in _secrets.
	{
		return [this](const std::string& secret) { _secrets.push_back(secret); };
	}

	Poco::Int64 _now = 0;
	std::vector<std::string> _secrets;
	std::string _directory;
	Poco::AutoPtr<restream::test::LogCapture> _channel;
	Poco::Logger* _logger = nullptr;
};

CPPUNIT_TEST_SUITE_REGISTRATION(AuthJwtUnitTest);
