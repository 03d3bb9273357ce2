//
// AuthJwtHttpTest.cpp
//
// End-to-end tests of the auth-jwt plugin: the built auth-jwt.so loaded by
// an in-process host, spoken to over HTTP (the host reads the body, decides
// the client address behind trusted proxies and answers 413 and 401).
//

#include "HostFixture.h"
#include <Poco/Base64Encoder.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/HMACEngine.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/SHA2Engine.h>
#include <Poco/Timestamp.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cctype>
#include <chrono>
#include <crypt.h>
#include <map>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

using restream::test::HostFixture;
using restream::test::HttpResult;

namespace {

const std::string SECRET = "0d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a";
const std::string PASSWORD = "Tr0ub4dor&3-horse";
const std::string WRONG_DETAIL = "Incorrect username or password";

std::string bcrypt(const std::string& password)
	/// A cheap (cost 4) bcrypt hash, to keep the tests fast.
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	CPPUNIT_ASSERT(crypt_gensalt_rn("$2b$", 4, nullptr, 0, setting, sizeof(setting)) != nullptr);
	crypt_data data = {};
	const char* hash = crypt_r(password.c_str(), setting, &data);
	CPPUNIT_ASSERT(hash != nullptr && hash[0] != '*');
	return hash;
}

std::map<std::string, std::string> configured(const std::map<std::string, std::string>& more = {})
	/// Settings with a known password hash and secret, plus more.
{
	std::map<std::string, std::string> settings = {{"plugins.auth-jwt.adminPasswordHash", bcrypt(PASSWORD)},
		{"plugins.auth-jwt.secret", SECRET}};
	for (const auto& entry : more) settings[entry.first] = entry.second;
	return settings;
}

Poco::JSON::Object::Ptr json(const std::string& text)
{
	try
	{
		return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
	}
	catch (const Poco::Exception&)
	{
		CPPUNIT_FAIL("not a JSON object: " + text);
	}
	return nullptr;
}

std::string credentials(const std::string& username, const std::string& password)
{
	Poco::JSON::Object body;
	body.set("username", username);
	body.set("password", password);
	std::ostringstream text;
	body.stringify(text);
	return text.str();
}

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

std::string signedToken(Poco::Int64 expiry, const std::string& issuer = "restream", const std::string& secret = SECRET)
{
	Poco::JWT::Token token;
	token.setType("JWT");
	token.setSubject("admin");
	token.setIssuer(issuer);
	token.payload().set("exp", expiry);
	return Poco::JWT::Signer(secret).sign(token, Poco::JWT::Signer::ALGO_HS256);
}

std::string handSigned(const std::string& header, const std::string& payload)
	/// base64url(header).base64url(payload).HS256 with SECRET, for claims Poco would not write.
{
	const std::string signingInput = base64Url(header) + "." + base64Url(payload);
	Poco::HMACEngine<Sha256Engine> hmac(SECRET);
	hmac.update(signingInput);
	const Poco::DigestEngine::Digest& digest = hmac.digest();
	return signingInput + "." + base64Url(std::string(digest.begin(), digest.end()));
}

Poco::Int64 now()
{
	return Poco::Timestamp().epochTime();
}

int modeOf(const std::string& path)
{
	struct stat status;
	CPPUNIT_ASSERT_MESSAGE(path, ::stat(path.c_str(), &status) == 0);
	return static_cast<int>(status.st_mode & 07777);
}

std::string firstLineOf(const std::string& path)
{
	Poco::FileInputStream in(path);
	std::string line;
	std::getline(in, line);
	return line;
}

std::size_t count(const std::string& text, const std::string& part)
{
	std::size_t n = 0;
	for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
	return n;
}

} // namespace

class AuthJwtHttpTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(AuthJwtHttpTest);
	CPPUNIT_TEST(testLoginJson);
	CPPUNIT_TEST(testLoginForm);
	CPPUNIT_TEST(testWrongCredentials);
	CPPUNIT_TEST(testUnreadableBodies);
	CPPUNIT_TEST(testBadTokens);
	CPPUNIT_TEST(testRegisteredClaims);
	CPPUNIT_TEST(testRateLimit);
	CPPUNIT_TEST(testFailuresDelayed);
	CPPUNIT_TEST(testForwardedClientsCountedSeparately);
	CPPUNIT_TEST(testForwardedHeadersIgnoredFromUntrustedPeer);
	CPPUNIT_TEST(testFirstStart);
	CPPUNIT_TEST(testSecretNeverLogged);
	CPPUNIT_TEST(testWeakSecretRefused);
	CPPUNIT_TEST(testMalformedHashRefused);
	CPPUNIT_TEST_SUITE_END();

public:
	void testLoginJson()
	{
		HostFixture host(configured());
		const HttpResult result = host.request("POST", "api", "/auth/login", credentials("admin", PASSWORD));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		const Poco::JSON::Object::Ptr body = json(result.body);
		CPPUNIT_ASSERT_EQUAL(std::string("bearer"), body->getValue<std::string>("token_type"));
		CPPUNIT_ASSERT_EQUAL(3600, body->getValue<int>("expires_in"));
		const std::string token = body->getValue<std::string>("access_token");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), count(token, "."));

		expectMe(host, "Bearer " + token);
		expectMe(host, "bearer " + token);
		expectMe(host, "BEARER   " + token + " ");
		CPPUNIT_ASSERT(host.log().find(token) == std::string::npos);
	}

	void testLoginForm()
	{
		HostFixture host(configured());
		const HttpResult result = host.request("POST", "api", "/auth/login",
			"grant_type=password&username=admin&password=" + escaped(PASSWORD),
			{{"Content-Type", "application/x-www-form-urlencoded"}});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
		expectMe(host, "Bearer " + json(result.body)->getValue<std::string>("access_token"));

		const HttpResult wrong = host.request("POST", "api", "/auth/login", "username=admin&password=nope",
			{{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}});
		CPPUNIT_ASSERT_EQUAL(401, wrong.status);
	}

	void testWrongCredentials()
	{
		HostFixture host(configured());
		const HttpResult wrongPassword = host.request("POST", "api", "/auth/login", credentials("admin", "letmein-123"));
		const HttpResult wrongUser = host.request("POST", "api", "/auth/login", credentials("root", PASSWORD));
		const HttpResult empty = host.request("POST", "api", "/auth/login", credentials("", ""));
		for (const HttpResult& result : {wrongPassword, wrongUser, empty})
		{
			CPPUNIT_ASSERT_EQUAL(401, result.status);
			CPPUNIT_ASSERT_EQUAL(WRONG_DETAIL, json(result.body)->getValue<std::string>("detail"));
		}
		CPPUNIT_ASSERT_EQUAL(wrongPassword.body, wrongUser.body);
		const std::string log = host.log();
		CPPUNIT_ASSERT(log.find("Failed sign-in") != std::string::npos);
		CPPUNIT_ASSERT(log.find("as user 'admin'") != std::string::npos);
		// an unknown user name is not logged: it may be a password typed in the wrong field
		CPPUNIT_ASSERT(log.find("with an unknown user name") != std::string::npos);
		CPPUNIT_ASSERT(log.find("root") == std::string::npos);
		const HttpResult metrics = host.request("GET", "api", "/metrics");
		CPPUNIT_ASSERT_EQUAL(200, metrics.status);
		CPPUNIT_ASSERT(metrics.body.find("restream_login_failures_total 3\n") != std::string::npos);
		CPPUNIT_ASSERT(log.find("127.0.0.1") != std::string::npos);
		CPPUNIT_ASSERT(log.find("letmein-123") == std::string::npos);
		CPPUNIT_ASSERT(log.find(PASSWORD) == std::string::npos);
	}

	void testUnreadableBodies()
	{
		HostFixture host(configured());
		expectDetail(host.request("POST", "api", "/auth/login", "{\"username\": \"admin\", "), 400);
		expectDetail(host.request("POST", "api", "/auth/login", "[\"admin\", \"x\"]"), 400);
		expectDetail(host.request("POST", "api", "/auth/login", "{\"username\": \"admin\"}"), 400);
		expectDetail(host.request("POST", "api", "/auth/login", "{\"username\": \"admin\", \"password\": 42}"), 400);
		expectDetail(host.request("POST", "api", "/auth/login", "username=admin",
						 {{"Content-Type", "application/x-www-form-urlencoded"}}),
			400);
		expectDetail(host.request("POST", "api", "/auth/login", credentials("admin", std::string(17 * 1024, 'x'))), 413);
		// None of these counted as a failed sign-in.
		CPPUNIT_ASSERT_EQUAL(200, host.request("POST", "api", "/auth/login", credentials("admin", PASSWORD)).status);
	}

	void testBadTokens()
	{
		HostFixture host(configured());
		const std::string good =
			json(host.request("POST", "api", "/auth/login", credentials("admin", PASSWORD)).body)->getValue<std::string>("access_token");
		const std::size_t signature = good.rfind('.') + 1;
		std::string tampered = good;
		const std::size_t middle = signature + (good.size() - signature) / 2;
		tampered[middle] = tampered[middle] == 'A' ? 'B' : 'A';
		const std::string payload = good.substr(good.find('.') + 1, signature - good.find('.') - 2);

		const std::vector<std::string> authorizations = {"", "Bearer", "Bearer ", "Bearer garbage", "Bearer a.b",
			"Bearer a.b.c", "Basic YWRtaW46cGFzc3dvcmQ=", "Token " + good, good, "Bearer " + tampered,
			"Bearer " + good.substr(0, signature), "Bearer eyJhbGciOiJub25lIn0." + payload + ".",
			"Bearer " + base64Url("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + payload + "." + good.substr(signature),
			"Bearer " + signedToken(now() - 120), "Bearer " + signedToken(now() + 600, "someone-else"),
			"Bearer " + signedToken(now() + 600, "restream", SECRET + "-other"), "Bearer " + std::string(8000, 'a')};
		for (const std::string& authorization : authorizations)
		{
			std::map<std::string, std::string> headers;
			if (!authorization.empty()) headers["Authorization"] = authorization;
			const HttpResult result = host.request("GET", "api", "/me", "", headers);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(authorization.substr(0, 80) + ": " + result.body, 401, result.status);
			CPPUNIT_ASSERT(json(result.body)->has("detail"));
		}
		// A token in the query string is ignored.
		CPPUNIT_ASSERT_EQUAL(401, host.request("GET", "api", "/me?access_token=" + good).status);
		CPPUNIT_ASSERT_EQUAL(401, host.request("GET", "api", "/me?token=" + good).status);
		// The good one still works, and so does one signed elsewhere with the secret.
		expectMe(host, "Bearer " + good);
		expectMe(host, "Bearer " + signedToken(now() + 600));
	}

	void testRegisteredClaims()
	{
		// RFC 7519 nbf and exp, RFC 7515 crit: 401, never a 500 or an accepted token
		HostFixture host(configured());
		const std::string claims = "\"sub\":\"admin\",\"iss\":\"restream\"";
		const std::string exp = ",\"exp\":" + std::to_string(now() + 600);
		const std::vector<std::pair<std::string, std::string>> tokens = {
			{"{\"alg\":\"HS256\"}", "{" + claims + exp + ",\"nbf\":" + std::to_string(now() + 600) + "}"},
			{"{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "{" + claims + exp + "}"},
			{"{\"alg\":\"HS256\"}", "{" + claims + ",\"exp\":1e300}"},
			{"{\"alg\":\"HS256\"}", "{" + claims + ",\"exp\":9223372036854775808}"},
			{"{\"alg\":\"HS256\"}", "{" + claims + ",\"exp\":18446744073709551616}"},
			{"{\"alg\":\"HS256\"}", "{" + claims + ",\"exp\":-1}"},
			{"{\"alg\":\"HS256\"}", "{" + claims + ",\"exp\":\"tomorrow\"}"},
			{"{\"alg\":\"HS256\"}", "{" + claims + ",\"exp\":99999999999999999999999}"}};
		for (const auto& token : tokens)
		{
			const HttpResult result =
				host.request("GET", "api", "/me", "", {{"Authorization", "Bearer " + handSigned(token.first, token.second)}});
			CPPUNIT_ASSERT_EQUAL_MESSAGE(token.first + token.second + ": " + result.body, 401, result.status);
			CPPUNIT_ASSERT(json(result.body)->has("detail"));
		}
		expectMe(host, "Bearer " + handSigned("{\"alg\":\"HS256\"}", "{" + claims + exp + ",\"nbf\":" + std::to_string(now()) + "}"));
	}

	void testRateLimit()
	{
		HostFixture host(configured({{"plugins.auth-jwt.loginFreeFailures", "2"},
			{"plugins.auth-jwt.loginMaxFailures", "4"}, {"plugins.auth-jwt.loginMaxDelay", "50"}}));
		for (int i = 0; i < 4; ++i)
			CPPUNIT_ASSERT_EQUAL(401, host.request("POST", "api", "/auth/login", credentials("admin", "guess")).status);
		for (const std::string& password : {std::string("guess"), PASSWORD})
		{
			const HttpResult refused = host.request("POST", "api", "/auth/login", credentials("admin", password));
			CPPUNIT_ASSERT_EQUAL(429, refused.status);
			const int retryAfter = std::stoi(refused.headers.get("Retry-After", "0"));
			CPPUNIT_ASSERT(retryAfter > 850 && retryAfter <= 900);
			CPPUNIT_ASSERT_EQUAL("Too many failed sign-ins; try again in " + std::to_string(retryAfter) + " s",
				json(refused.body)->getValue<std::string>("detail"));
		}
		CPPUNIT_ASSERT(host.log().find("are refused for 900 s") != std::string::npos);
	}

	void testFailuresDelayed()
	{
		HostFixture host(configured({{"plugins.auth-jwt.loginFreeFailures", "1"},
			{"plugins.auth-jwt.loginMaxDelay", "400"}}));
		CPPUNIT_ASSERT(timedFailure(host) < 200);
		CPPUNIT_ASSERT(timedFailure(host) >= 250);
		CPPUNIT_ASSERT(timedFailure(host) >= 400);
		// A success resets the client: the next failure is answered at once.
		CPPUNIT_ASSERT_EQUAL(200, host.request("POST", "api", "/auth/login", credentials("admin", PASSWORD)).status);
		CPPUNIT_ASSERT(timedFailure(host) < 200);
	}

	void testForwardedClientsCountedSeparately()
	{
		// 127.0.0.1 is a trusted proxy by default: the forwarded address is the client.
		HostFixture host(configured({{"plugins.auth-jwt.loginMaxFailures", "3"}, {"plugins.auth-jwt.loginMaxDelay", "0"}}));
		const std::map<std::string, std::string> first = {{"X-Forwarded-For", "203.0.113.5"}};
		const std::map<std::string, std::string> second = {{"X-Forwarded-For", "203.0.113.6"}};
		for (int i = 0; i < 3; ++i)
			CPPUNIT_ASSERT_EQUAL(401, host.request("POST", "api", "/auth/login", credentials("admin", "x"), first).status);
		CPPUNIT_ASSERT_EQUAL(429, host.request("POST", "api", "/auth/login", credentials("admin", "x"), first).status);
		CPPUNIT_ASSERT_EQUAL(401, host.request("POST", "api", "/auth/login", credentials("admin", "x"), second).status);
		CPPUNIT_ASSERT_EQUAL(200, host.request("POST", "api", "/auth/login", credentials("admin", PASSWORD), second).status);
		CPPUNIT_ASSERT(host.log().find("203.0.113.5") != std::string::npos);
	}

	void testForwardedHeadersIgnoredFromUntrustedPeer()
	{
		HostFixture host(configured({{"http.trustedProxies", "10.9.9.9"}, {"plugins.auth-jwt.loginMaxFailures", "3"},
			{"plugins.auth-jwt.loginMaxDelay", "0"}}));
		for (int i = 0; i < 3; ++i)
		{
			const std::map<std::string, std::string> forwarded = {{"X-Forwarded-For", "203.0.113." + std::to_string(i)},
				{"CF-Connecting-IP", "198.51.100." + std::to_string(i)}};
			CPPUNIT_ASSERT_EQUAL(401, host.request("POST", "api", "/auth/login", credentials("admin", "x"), forwarded).status);
		}
		CPPUNIT_ASSERT_EQUAL(429, host.request("POST", "api", "/auth/login", credentials("admin", "x"),
									  {{"X-Forwarded-For", "203.0.113.99"}}).status);
		CPPUNIT_ASSERT(host.log().find("from 127.0.0.1") != std::string::npos);
	}

	void testFirstStart()
	{
		HostFixture host(std::map<std::string, std::string>{{"plugins.load", "auth-jwt"}});
		const std::string directory = host.stateDir() + "/plugins/auth-jwt/";
		const std::string passwordFile = directory + "initial-admin-password";
		CPPUNIT_ASSERT_EQUAL(0600, modeOf(passwordFile));
		CPPUNIT_ASSERT_EQUAL(0600, modeOf(directory + "admin-password.hash"));
		CPPUNIT_ASSERT_EQUAL(0600, modeOf(directory + "jwt-secret"));
		const std::string password = firstLineOf(passwordFile);
		CPPUNIT_ASSERT(password.size() >= 16);

		const std::string console = host.console();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), count(console, "FIRST START"));
		CPPUNIT_ASSERT(console.find("password: " + password) != std::string::npos);
		CPPUNIT_ASSERT(console.find(passwordFile) != std::string::npos);
		CPPUNIT_ASSERT(host.log().find(password) == std::string::npos);
		CPPUNIT_ASSERT(host.log().find("initial-admin-password") != std::string::npos);
		CPPUNIT_ASSERT(host.log().find(firstLineOf(directory + "jwt-secret")) == std::string::npos);

		const HttpResult login = host.request("POST", "api", "/auth/login", credentials("admin", password));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(login.body, 200, login.status);
		const std::string token = json(login.body)->getValue<std::string>("access_token");
		expectMe(host, "Bearer " + token);

		host.restart();
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), count(host.console(), "FIRST START")); // the console is kept: no second notice
		CPPUNIT_ASSERT_EQUAL(password, firstLineOf(passwordFile));
		CPPUNIT_ASSERT_EQUAL(200, host.request("POST", "api", "/auth/login", credentials("admin", password)).status);
		expectMe(host, "Bearer " + token); // the secret was kept too
		CPPUNIT_ASSERT(host.log().find(password) == std::string::npos);
	}

	void testSecretNeverLogged()
	{
		HostFixture host(configured({{"plugins.auth-jwt.loginMaxFailures", "2"}, {"plugins.auth-jwt.loginMaxDelay", "0"}}));
		host.request("POST", "api", "/auth/login", credentials("admin", PASSWORD));
		host.request("POST", "api", "/auth/login", credentials(SECRET, SECRET));
		host.request("POST", "api", "/auth/login", credentials("admin", "x"));
		host.request("POST", "api", "/auth/login", credentials("admin", "x"));
		host.request("GET", "api", "/me", "", {{"Authorization", "Bearer " + SECRET}});
		const std::string log = host.log();
		CPPUNIT_ASSERT(!log.empty());
		CPPUNIT_ASSERT(log.find(SECRET) == std::string::npos);
		CPPUNIT_ASSERT(host.console().find(SECRET) == std::string::npos);
	}

	void testWeakSecretRefused()
	{
		const std::vector<std::pair<std::string, std::string>> weak = {
			{"short-secret", "shorter than 32 bytes"}, {"changeme", "placeholder"},
			{"CHANGE_ME_CHANGE_ME_CHANGE_ME_CHANGE_ME", "placeholder"}, {std::string(48, 'z'), "repeated"}};
		for (const auto& secret : weak)
		{
			HostFixture host(configured({{"plugins.auth-jwt.secret", secret.first}}));
			CPPUNIT_ASSERT_MESSAGE(host.log(), host.log().find(secret.second) != std::string::npos);
			CPPUNIT_ASSERT_EQUAL(503, host.request("GET", "api", "/me", "", {{"Authorization", "Bearer x.y.z"}}).status);
			CPPUNIT_ASSERT(!Poco::File(host.stateDir() + "/plugins/auth-jwt/initial-admin-password").exists());
		}
	}

	void testMalformedHashRefused()
	{
		for (const std::string& hash : {std::string("$1$saltsalt$abcdefghijklmnopqrstuv"), std::string("plain"),
				 bcrypt(PASSWORD).substr(0, 50)})
		{
			HostFixture host(configured({{"plugins.auth-jwt.adminPasswordHash", hash}}));
			CPPUNIT_ASSERT_MESSAGE(host.log(), host.log().find("adminPasswordHash") != std::string::npos);
			CPPUNIT_ASSERT_EQUAL(503, host.request("GET", "api", "/me", "", {{"Authorization", "Bearer x.y.z"}}).status);
			CPPUNIT_ASSERT(host.request("POST", "api", "/auth/login", credentials("admin", PASSWORD)).status != 200);
		}
	}

private:
	static void expectMe(HostFixture& host, const std::string& authorization)
	{
		const HttpResult me = host.request("GET", "api", "/me", "", {{"Authorization", authorization}});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(me.body, 200, me.status);
		CPPUNIT_ASSERT_EQUAL(std::string("admin"), json(me.body)->getValue<std::string>("username"));
	}

	static void expectDetail(const HttpResult& result, int status)
	{
		CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, status, result.status);
		CPPUNIT_ASSERT(!json(result.body)->getValue<std::string>("detail").empty());
	}

	static long timedFailure(HostFixture& host)
		/// Milliseconds until a failed sign-in is answered.
	{
		const auto start = std::chrono::steady_clock::now();
		CPPUNIT_ASSERT_EQUAL(401, host.request("POST", "api", "/auth/login", credentials("admin", "wrong")).status);
		return static_cast<long>(
			std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
	}

	static std::string escaped(const std::string& text)
	{
		static const char digits[] = "0123456789ABCDEF";
		std::string result;
		for (const char c : text)
		{
			const auto byte = static_cast<unsigned char>(c);
			if (std::isalnum(byte) || c == '-' || c == '.' || c == '_')
				result += c;
			else
				result += std::string("%") + digits[byte >> 4] + digits[byte & 0x0F];
		}
		return result;
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(AuthJwtHttpTest);
