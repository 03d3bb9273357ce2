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
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <iostream>

namespace authjwt {

std::vector<restream::Setting> AuthJwtPlugin::settings() const
{
	using restream::Setting;
	return {
		Setting::text("adminUsername", "admin", "The admin's username.", "ADMIN_USERNAME"),
		Setting::secret("adminPasswordHash",
			"The admin's password as a crypt(3) hash: bcrypt ($2b$, $2y$, $2a$), sha512-crypt ($6$) or yescrypt ($y$). "
			"Empty: a password is generated at the first start.",
			"ADMIN_PASSWORD_HASH"),
		Setting::secret("secret",
			"The HS256 secret that signs tokens, at least 32 bytes. Empty: a random one is generated at the first start.",
			"JWT_SECRET_KEY"),
		Setting::text("issuer", "restream", "The iss claim of issued tokens; other issuers are refused."),
		Setting::integer("tokenLifetime", 3600, 1, 31536000,
			"How long a token is valid, in seconds; a token claiming to live longer is refused."),
		Setting::integer("loginFreeFailures", 3, 0, 1000, "Failed sign-ins per client answered without delay."),
		Setting::integer("loginMaxFailures", 10, 1, 100000, "Failed sign-ins per client in the window before answering 429."),
		Setting::seconds("loginWindow", "900", 1, 604800, "How long a failed sign-in counts, in seconds."),
		Setting::integer("loginMaxDelay", 2000, 0, 60000,
			"The longest delay before answering a failed sign-in, in milliseconds."),
	};
}

void AuthJwtPlugin::start(restream::PluginContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	const std::string username = config.getString("adminUsername");
	if (username.empty()) throw Poco::InvalidArgumentException("setting adminUsername must not be empty");
	if (!TokenService::isClaimText(username)) throw Poco::InvalidArgumentException("setting adminUsername must be UTF-8 text");

	FirstStart firstStart(context.stateDirectory(), context.logger(), std::cerr,
		[&context](const std::string& secret) { context.addSecret(secret); });
	const std::shared_ptr<const TokenService> tokens = tokenService(config, firstStart);
	const PasswordHash passwordHash = adminPasswordHash(config, firstStart, username);

	context.registry().add("auth-jwt", std::make_shared<JwtAuthenticator>(tokens));
	auto metrics = std::make_shared<LoginMetrics>();
	context.registry().add(
		"auth-jwt.login", std::make_shared<LoginRoute>(context, username, passwordHash, tokens, loginLimits(config), metrics));
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
		secret, config.getString("issuer"), Poco::Timespan(config.getInt("tokenLifetime"), 0));
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
	limits.freeFailures = config.getInt("loginFreeFailures");
	limits.maxFailures = config.getInt("loginMaxFailures");
	limits.window = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("loginWindow") * 1e6));
	limits.maxDelay = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getInt("loginMaxDelay")) * 1000);
	return limits;
}

} // namespace authjwt

RESTREAM_PLUGIN(authjwt::AuthJwtPlugin, "auth-jwt", "1.0.0",
	"Admin sign-in with a crypt(3) password hash, and HS256 JWT bearer tokens for the API")
