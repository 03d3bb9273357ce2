//
// AuthJwtPlugin.cpp
//

#include "AuthJwtPlugin.h"
#include "FirstStart.h"
#include "JwtAuthenticator.h"
#include "LoginRoute.h"
#include "TokenService.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Format.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <iostream>

namespace restream {
namespace authjwt {

std::vector<Setting> AuthJwtPlugin::settings() const
{
	return {
		{"adminUsername", "admin", "The admin's username.", "ADMIN_USERNAME", false},
		{"adminPasswordHash", "",
			"The admin's password as a crypt(3) hash: bcrypt ($2b$, $2y$, $2a$), sha512-crypt ($6$) or yescrypt ($y$). "
			"Empty: a password is generated at the first start.",
			"ADMIN_PASSWORD_HASH", false},
		{"secret", "",
			"The HS256 secret that signs tokens, at least 32 bytes. Empty: a random one is generated at the first start.",
			"JWT_SECRET_KEY", true},
		{"issuer", "restream", "The iss claim of issued tokens; other issuers are refused.", "", false},
		{"tokenLifetime", "3600", "How long a token is valid, in seconds.", "", false},
		{"loginFreeFailures", "3", "Failed sign-ins per client answered without delay.", "", false},
		{"loginMaxFailures", "10", "Failed sign-ins per client in the window before answering 429.", "", false},
		{"loginWindow", "900", "How long a failed sign-in counts, in seconds.", "", false},
		{"loginMaxDelay", "2000", "The longest delay before answering a failed sign-in, in milliseconds.", "", false},
	};
}

void AuthJwtPlugin::start(PluginContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	const std::string username = config.getString("adminUsername");
	if (username.empty()) throw Poco::InvalidArgumentException("setting adminUsername must not be empty");
	const LoginThrottle::Limits limits = loginLimits(config);

	FirstStart firstStart(context.stateDirectory(), context.logger(), std::cerr);
	const std::shared_ptr<const TokenService> tokens = tokenService(config, firstStart);
	const PasswordHash passwordHash = adminPasswordHash(config, firstStart, username);

	context.registry().add("auth-jwt", std::make_shared<JwtAuthenticator>(tokens));
	auto metrics = std::make_shared<LoginMetrics>();
	context.registry().add("auth-jwt.login", std::make_shared<LoginRoute>(context, username, passwordHash, tokens, limits, metrics));
	context.registry().add("auth-jwt.metrics", metrics);
}

void AuthJwtPlugin::stop()
{
}

std::shared_ptr<const TokenService> AuthJwtPlugin::tokenService(const Poco::Util::AbstractConfiguration& config,
	FirstStart& firstStart)
{
	const std::string configured = config.getRawString("secret");
	const std::string secret = configured.empty() ? firstStart.jwtSecret() : configured;
	try
	{
		TokenService::checkSecret(secret);
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		const std::string origin =
			configured.empty() ? firstStart.pathOf(FirstStart::SECRET_FILE) : "setting secret (JWT_SECRET_KEY)";
		throw Poco::InvalidArgumentException(origin + ": " + exc.message(), exc);
	}
	return std::make_shared<const TokenService>(
		secret, config.getString("issuer"), Poco::Timespan(integer(config, "tokenLifetime", 1), 0));
}

PasswordHash AuthJwtPlugin::adminPasswordHash(const Poco::Util::AbstractConfiguration& config,
	FirstStart& firstStart, const std::string& username)
{
	const std::string configured = Poco::trim(config.getRawString("adminPasswordHash"));
	const std::string hash = configured.empty() ? firstStart.adminPasswordHash(username) : configured;
	try
	{
		return PasswordHash(hash);
	}
	catch (const Poco::InvalidArgumentException& exc)
	{
		const std::string origin = configured.empty() ? firstStart.pathOf(FirstStart::PASSWORD_HASH_FILE)
													  : "setting adminPasswordHash (ADMIN_PASSWORD_HASH)";
		throw Poco::InvalidArgumentException(origin + ": " + exc.message(), exc);
	}
}

LoginThrottle::Limits AuthJwtPlugin::loginLimits(const Poco::Util::AbstractConfiguration& config)
{
	LoginThrottle::Limits limits;
	limits.freeFailures = integer(config, "loginFreeFailures", 0);
	limits.maxFailures = integer(config, "loginMaxFailures", 1);
	limits.window = Poco::Timespan(integer(config, "loginWindow", 1), 0);
	limits.maxDelay = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(integer(config, "loginMaxDelay", 0)) * 1000);
	return limits;
}

int AuthJwtPlugin::integer(const Poco::Util::AbstractConfiguration& config, const std::string& key, int minimum)
{
	const std::string text = config.getString(key);
	int value = 0;
	if (!Poco::NumberParser::tryParse(Poco::trim(text), value) || value < minimum)
		throw Poco::InvalidArgumentException(
			Poco::format("setting %s must be an integer of at least %d, not '%s'", key, minimum, text));
	return value;
}

} // namespace authjwt
} // namespace restream

RESTREAM_PLUGIN(restream::authjwt::AuthJwtPlugin, "auth-jwt", "1.0.0",
	"Admin sign-in with a crypt(3) password hash, and HS256 JWT bearer tokens for the API")
