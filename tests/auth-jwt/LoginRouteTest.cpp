//
// LoginRouteTest.cpp
//
// The auth-jwt plugin started on a PluginTestContext, without a host: its
// typed settings, the secrets it hands to the host's redaction, POST
// /auth/login answered from RouteRequests, and the Authenticator.
//

#include "AuthJwtPlugin.h"
#include "FirstStart.h"
#include "PluginTestContext.h"
#include "RecordedResponse.h"
#include "restream/Authenticator.h"
#include "restream/MetricsSource.h"
#include "restream/Route.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <crypt.h>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using restream::Authenticator;
using restream::Identity;
using restream::Route;
using restream::RouteRequest;
using restream::Setting;
using restream::test::PluginTestContext;
using restream::test::RecordedResponse;

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

std::string credentials(const std::string& username, const std::string& password)
{
	Poco::JSON::Object body;
	body.set("username", username);
	body.set("password", password);
	std::ostringstream text;
	body.stringify(text);
	return text.str();
}

RouteRequest login(const std::string& body, const std::string& client = "192.0.2.10",
	const std::string& contentType = "application/json")
{
	RouteRequest request;
	request.method = "POST";
	request.path = "/auth/login";
	request.port = "api";
	request.body = body;
	request.clientAddress = client;
	if (!contentType.empty()) request.headers.set("Content-Type", contentType);
	return request;
}

RouteRequest withAuthorization(const std::string& authorization)
{
	RouteRequest request;
	request.method = "GET";
	request.path = "/me";
	request.port = "api";
	request.clientAddress = "192.0.2.10";
	if (!authorization.empty()) request.headers.set("Authorization", authorization);
	return request;
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

std::string firstLineOf(const std::string& path)
{
	Poco::FileInputStream in(path);
	std::string line;
	std::getline(in, line);
	return line;
}

} // namespace

class LoginRouteTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LoginRouteTest);
	CPPUNIT_TEST(testSettingsAreTyped);
	CPPUNIT_TEST(testServicesRegistered);
	CPPUNIT_TEST(testGeneratedSecretsMasked);
	CPPUNIT_TEST(testConfiguredSecretsNotGenerated);
	CPPUNIT_TEST(testWeakSecretRefused);
	CPPUNIT_TEST(testEmptyUsernameRefused);
	CPPUNIT_TEST(testLoginJson);
	CPPUNIT_TEST(testLoginForm);
	CPPUNIT_TEST(testWrongCredentials);
	CPPUNIT_TEST(testUnreadableBodies);
	CPPUNIT_TEST(testThrottleKeysOnClientAddress);
	CPPUNIT_TEST(testAuthorizationHeaders);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_context.reset(new PluginTestContext("auth-jwt"));
	}

	void tearDown() override
	{
		_context.reset();
	}

	void testSettingsAreTyped()
	{
		// key -> type, legacy variable; every number with bounds
		const std::map<std::string, std::pair<Setting::Type, std::string>> expected = {
			{"adminUsername", {Setting::Type::Text, "ADMIN_USERNAME"}},
			{"adminPasswordHash", {Setting::Type::Secret, "ADMIN_PASSWORD_HASH"}},
			{"secret", {Setting::Type::Secret, "JWT_SECRET_KEY"}}, {"issuer", {Setting::Type::Text, ""}},
			{"tokenLifetime", {Setting::Type::Integer, ""}}, {"loginFreeFailures", {Setting::Type::Integer, ""}},
			{"loginMaxFailures", {Setting::Type::Integer, ""}}, {"loginWindow", {Setting::Type::Seconds, ""}},
			{"loginMaxDelay", {Setting::Type::Integer, ""}}};
		const std::vector<Setting> settings = authjwt::AuthJwtPlugin().settings();
		CPPUNIT_ASSERT_EQUAL(expected.size(), settings.size());
		for (const Setting& setting : settings)
		{
			const auto found = expected.find(setting.key);
			CPPUNIT_ASSERT_MESSAGE(setting.key, found != expected.end());
			CPPUNIT_ASSERT_MESSAGE(setting.key, found->second.first == setting.type);
			CPPUNIT_ASSERT_EQUAL(found->second.second, setting.legacyEnvironment);
			CPPUNIT_ASSERT_MESSAGE(setting.key, !setting.description.empty());
			if (setting.type == Setting::Type::Integer || setting.type == Setting::Type::Seconds)
			{
				CPPUNIT_ASSERT_MESSAGE(setting.key, setting.minimum < setting.maximum);
				const double value = std::stod(setting.defaultValue);
				CPPUNIT_ASSERT_MESSAGE(setting.key, setting.minimum <= value && value <= setting.maximum);
			}
			if (setting.type == Setting::Type::Secret) CPPUNIT_ASSERT(setting.defaultValue.empty());
		}
	}

	void testServicesRegistered()
	{
		start({{"adminPasswordHash", bcrypt(PASSWORD)}, {"secret", SECRET}});
		CPPUNIT_ASSERT(_context->registry().find<Authenticator>("auth-jwt"));
		CPPUNIT_ASSERT(_context->registry().find<restream::MetricsSource>("auth-jwt.metrics"));
		const std::shared_ptr<Route> route = loginRoute();
		CPPUNIT_ASSERT_EQUAL(std::string("POST"), route->method());
		CPPUNIT_ASSERT_EQUAL(std::string("/auth/login"), route->path());
		CPPUNIT_ASSERT_EQUAL(std::string("api"), route->port());
		CPPUNIT_ASSERT(route->access() == Route::Access::Public);
		CPPUNIT_ASSERT(!route->quick()); // it hashes and sleeps through the throttle's delay
		CPPUNIT_ASSERT(!route->summary().empty());
	}

	void testGeneratedSecretsMasked()
	{
		start({});
		const std::string directory = _context->stateDirectory() + "/";
		const std::string password = firstLineOf(directory + authjwt::FirstStart::PASSWORD_FILE);
		const std::string hash = firstLineOf(directory + authjwt::FirstStart::PASSWORD_HASH_FILE);
		const std::string secret = firstLineOf(directory + authjwt::FirstStart::SECRET_FILE);
		const std::vector<std::string> secrets = _context->secrets();
		for (const std::string& value : {password, hash, secret})
		{
			CPPUNIT_ASSERT(std::find(secrets.begin(), secrets.end(), value) != secrets.end());
			CPPUNIT_ASSERT_EQUAL(std::string("key ***"), _context->redact("key " + value));
			CPPUNIT_ASSERT(_context->log().find(value) == std::string::npos);
		}
		CPPUNIT_ASSERT_EQUAL(200, post(login(credentials("admin", password)))->status());

		// a later start reads them back from the state directory: masked again
		_context->testRegistry().clear();
		authjwt::AuthJwtPlugin().start(*_context);
		const std::vector<std::string> again = _context->secrets();
		CPPUNIT_ASSERT_EQUAL(secrets.size() * 2, again.size());
		CPPUNIT_ASSERT(std::equal(secrets.begin(), secrets.end(), again.begin() + static_cast<long>(secrets.size())));
	}

	void testConfiguredSecretsNotGenerated()
	{
		start({{"adminPasswordHash", bcrypt(PASSWORD)}, {"secret", SECRET}});
		CPPUNIT_ASSERT(!Poco::File(_context->stateDirectory() + "/" + authjwt::FirstStart::SECRET_FILE).exists());
		CPPUNIT_ASSERT(!Poco::File(_context->stateDirectory() + "/" + authjwt::FirstStart::PASSWORD_FILE).exists());
		CPPUNIT_ASSERT_EQUAL(std::string("***"), _context->redact(SECRET)); // a Secret setting, masked by the host
	}

	void testWeakSecretRefused()
	{
		for (const std::string& weak : {std::string("short-secret"), std::string("changeme-changeme-changeme-changeme")})
		{
			PluginTestContext context("auth-jwt");
			authjwt::AuthJwtPlugin plugin;
			context.declare(plugin.settings());
			context.set("secret", weak);
			try
			{
				plugin.start(context);
				CPPUNIT_FAIL("accepted the secret " + weak);
			}
			catch (const Poco::InvalidArgumentException& exc)
			{
				CPPUNIT_ASSERT_MESSAGE(exc.message(), exc.message().find("JWT_SECRET_KEY") != std::string::npos);
				CPPUNIT_ASSERT(exc.message().find(weak) == std::string::npos);
			}
			CPPUNIT_ASSERT(context.registry().all().empty());
		}
	}

	void testEmptyUsernameRefused()
	{
		authjwt::AuthJwtPlugin plugin;
		_context->declare(plugin.settings());
		_context->set("adminUsername", "");
		CPPUNIT_ASSERT_THROW(plugin.start(*_context), Poco::InvalidArgumentException);
		// Latin-1: every token issued for it would be refused (TokenService::isClaimText())
		_context->set("adminUsername", "ren\xE9");
		CPPUNIT_ASSERT_THROW(plugin.start(*_context), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT(_context->registry().all().empty());
	}

	void testLoginJson()
	{
		start({{"adminPasswordHash", bcrypt(PASSWORD)}, {"secret", SECRET}, {"tokenLifetime", "600"}});
		const std::shared_ptr<RecordedResponse> response = post(login(credentials("admin", PASSWORD)));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(response->body(), 200, response->status());
		CPPUNIT_ASSERT_EQUAL(1, response->answers());
		CPPUNIT_ASSERT_EQUAL(std::string("no-store"), response->header("Cache-Control"));
		const Poco::JSON::Object::Ptr body = json(response->body());
		CPPUNIT_ASSERT_EQUAL(std::string("bearer"), body->getValue<std::string>("token_type"));
		CPPUNIT_ASSERT_EQUAL(600, body->getValue<int>("expires_in"));
		const std::string token = body->getValue<std::string>("access_token");
		const Identity identity = authenticator()->authenticate(withAuthorization("Bearer " + token));
		CPPUNIT_ASSERT_MESSAGE(identity.reason, identity.authenticated);
		CPPUNIT_ASSERT_EQUAL(std::string("admin"), identity.subject);
		CPPUNIT_ASSERT(_context->log().find("signed in from 192.0.2.10") != std::string::npos);
		CPPUNIT_ASSERT(_context->log().find(token) == std::string::npos);
	}

	void testLoginForm()
	{
		start({{"adminPasswordHash", bcrypt(PASSWORD)}, {"secret", SECRET}});
		const std::string form = "grant_type=password&username=admin&password=Tr0ub4dor%263-horse";
		CPPUNIT_ASSERT_EQUAL(200, post(login(form, "192.0.2.10", "application/x-www-form-urlencoded"))->status());
		CPPUNIT_ASSERT_EQUAL(
			200, post(login(form, "192.0.2.10", "application/x-www-form-urlencoded; charset=utf-8"))->status());
		// curl -d '{...}' labels JSON as a form
		CPPUNIT_ASSERT_EQUAL(
			200, post(login(credentials("admin", PASSWORD), "192.0.2.10", "application/x-www-form-urlencoded"))->status());
		CPPUNIT_ASSERT_EQUAL(200, post(login(credentials("admin", PASSWORD), "192.0.2.10", ""))->status());
		CPPUNIT_ASSERT_EQUAL(401,
			post(login("username=admin&password=nope", "192.0.2.10", "application/x-www-form-urlencoded"))->status());
	}

	void testWrongCredentials()
	{
		start({{"adminPasswordHash", bcrypt(PASSWORD)}, {"secret", SECRET}, {"loginMaxDelay", "0"}});
		const auto wrongPassword = post(login(credentials("admin", "letmein-123")));
		const auto wrongUser = post(login(credentials("root", PASSWORD)));
		const auto empty = post(login(credentials("", "")));
		for (const auto& response : {wrongPassword, wrongUser, empty})
		{
			CPPUNIT_ASSERT_EQUAL(401, response->status());
			CPPUNIT_ASSERT_EQUAL(std::string("Bearer"), response->header("WWW-Authenticate"));
			CPPUNIT_ASSERT_EQUAL(WRONG_DETAIL, json(response->body())->getValue<std::string>("detail"));
		}
		CPPUNIT_ASSERT_EQUAL(wrongPassword->body(), wrongUser->body());
		const std::string log = _context->log();
		CPPUNIT_ASSERT(log.find("Failed sign-in from 192.0.2.10 as user 'admin'") != std::string::npos);
		// an unknown user name is not logged: it may be a password typed in the wrong field
		CPPUNIT_ASSERT(log.find("with an unknown user name") != std::string::npos);
		CPPUNIT_ASSERT(log.find("root") == std::string::npos);
		CPPUNIT_ASSERT(log.find("letmein-123") == std::string::npos);
		CPPUNIT_ASSERT(log.find(PASSWORD) == std::string::npos);
		const auto metrics = _context->registry().find<restream::MetricsSource>("auth-jwt.metrics");
		CPPUNIT_ASSERT(metrics->metrics().find("restream_login_failures_total 3\n") != std::string::npos);
	}

	void testUnreadableBodies()
	{
		start({{"adminPasswordHash", bcrypt(PASSWORD)}, {"secret", SECRET}, {"loginMaxFailures", "1"}});
		const std::vector<RouteRequest> requests = {login(""), login("{\"username\": \"admin\", "),
			login("[\"admin\", \"x\"]"), login("{\"username\": \"admin\"}"), login("{\"username\": \"admin\", \"password\": 42}"),
			login("{\"username\": \"admin\", \"password\": \"x\", \"n\": 99999999999999999999999}"),
			login("{\"username\": \"admin\", \"password\": \"x\", \"n\": 1e99999}"), login(std::string(16 * 1024, '[')),
			login("username=admin", "192.0.2.10", "application/x-www-form-urlencoded")};
		for (const RouteRequest& request : requests)
		{
			const auto response = post(request);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(request.body.substr(0, 80) + ": " + response->body(), 400, response->status());
			CPPUNIT_ASSERT(!json(response->body())->getValue<std::string>("detail").empty());
		}
		// none counted as a failed sign-in: one would have locked the client out (loginMaxFailures 1)
		CPPUNIT_ASSERT_EQUAL(200, post(login(credentials("admin", PASSWORD)))->status());
		// an unreadable content type is read as JSON
		CPPUNIT_ASSERT_EQUAL(200, post(login(credentials("admin", PASSWORD), "192.0.2.10", "text/html; charset=\""))->status());
	}

	void testThrottleKeysOnClientAddress()
	{
		start({{"adminPasswordHash", bcrypt(PASSWORD)}, {"secret", SECRET}, {"loginMaxFailures", "3"},
			{"loginMaxDelay", "0"}, {"loginWindow", "600"}});
		for (int i = 0; i < 3; ++i)
		{
			// forwarding headers are the host's business: the route counts the client the host names
			RouteRequest request = login(credentials("admin", "x"), "203.0.113.5");
			request.headers.set("X-Forwarded-For", "198.51.100." + std::to_string(i));
			CPPUNIT_ASSERT_EQUAL(401, post(request)->status());
		}
		const auto refused = post(login(credentials("admin", PASSWORD), "203.0.113.5"));
		CPPUNIT_ASSERT_EQUAL(429, refused->status());
		const int retryAfter = std::stoi(refused->header("Retry-After"));
		CPPUNIT_ASSERT(retryAfter > 590 && retryAfter <= 600);
		CPPUNIT_ASSERT_EQUAL("Too many failed sign-ins; try again in " + std::to_string(retryAfter) + " s",
			json(refused->body())->getValue<std::string>("detail"));
		CPPUNIT_ASSERT(_context->log().find("from this address are refused for 600 s") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(401, post(login(credentials("admin", "x"), "203.0.113.6"))->status());
		CPPUNIT_ASSERT_EQUAL(200, post(login(credentials("admin", PASSWORD), "203.0.113.6"))->status());
		CPPUNIT_ASSERT(_context->log().find("198.51.100.") == std::string::npos);
	}

	void testAuthorizationHeaders()
	{
		start({{"adminPasswordHash", bcrypt(PASSWORD)}, {"secret", SECRET}});
		const std::string token =
			json(post(login(credentials("admin", PASSWORD)))->body())->getValue<std::string>("access_token");
		for (const std::string& accepted : {"Bearer " + token, "bearer " + token, "BEARER   " + token + " ", "Bearer\t" + token})
			CPPUNIT_ASSERT_MESSAGE(accepted, authenticator()->authenticate(withAuthorization(accepted)).authenticated);
		for (const std::string& refused : {std::string(), std::string("Bearer"), std::string("Bearer "), "Token " + token, token,
				 std::string("Basic YWRtaW46cGFzc3dvcmQ="), "Bearer " + token + "x"})
		{
			const Identity identity = authenticator()->authenticate(withAuthorization(refused));
			CPPUNIT_ASSERT_MESSAGE(refused, !identity.authenticated);
			CPPUNIT_ASSERT(!identity.reason.empty());
		}
		// a token in the query string is ignored
		RouteRequest query = withAuthorization("");
		query.query = {{"access_token", token}, {"token", token}};
		CPPUNIT_ASSERT(!authenticator()->authenticate(query).authenticated);
	}

private:
	void start(const std::map<std::string, std::string>& settings)
	{
		authjwt::AuthJwtPlugin plugin;
		_context->declare(plugin.settings());
		for (const auto& setting : settings) _context->set(setting.first, setting.second);
		plugin.start(*_context);
	}

	std::shared_ptr<Route> loginRoute() const
	{
		const std::shared_ptr<Route> route = _context->registry().find<Route>("auth-jwt.login");
		CPPUNIT_ASSERT(route);
		return route;
	}

	std::shared_ptr<Authenticator> authenticator() const
	{
		const std::shared_ptr<Authenticator> found = _context->registry().find<Authenticator>("auth-jwt");
		CPPUNIT_ASSERT(found);
		return found;
	}

	std::shared_ptr<RecordedResponse> post(const RouteRequest& request) const
	{
		const auto response = std::make_shared<RecordedResponse>();
		loginRoute()->handle(request, response);
		CPPUNIT_ASSERT_EQUAL(1, response->answers());
		return response;
	}

	std::unique_ptr<PluginTestContext> _context;
};

CPPUNIT_TEST_SUITE_REGISTRATION(LoginRouteTest);
