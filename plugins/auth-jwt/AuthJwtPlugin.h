//
// AuthJwtPlugin.h
//
// The auth-jwt plugin: admin sign-in and bearer tokens for the API.
//

#ifndef authjwt_AuthJwtPlugin_INCLUDED
#define authjwt_AuthJwtPlugin_INCLUDED

#include "LoginThrottle.h"
#include "PasswordHash.h"
#include "restream/Plugin.h"
#include <memory>
#include <string>

namespace Poco {
namespace Util {
class AbstractConfiguration;
}
} // namespace Poco

namespace authjwt {

class FirstStart;
class TokenService;

class AuthJwtPlugin : public restream::Plugin
	/// Registers the Authenticator "auth-jwt" (bearer JWTs signed with HS256),
	/// the route "auth-jwt.login" (POST /auth/login on the API port) where the
	/// one admin account exchanges its password for a token, and the metrics
	/// "auth-jwt.metrics".
	///
	/// The host has checked the settings' types and bounds; start() refuses,
	/// with a message naming the setting or file, an empty adminUsername, a
	/// password hash that is not a supported crypt(3) hash and a weak JWT
	/// secret. When no hash or no secret is configured, they are generated at
	/// the first start (see FirstStart) and handed to
	/// PluginContext::addSecret(), like every secret read from the state
	/// directory; there is no default password.
	///
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<restream::Setting> settings() const override;
	void start(restream::PluginContext& context) override;
	void stop() override;
		/// Does nothing: the registry drops the services before stop(), and
		/// they own all the plugin's state.

private:
	static std::shared_ptr<const TokenService> tokenService(const Poco::Util::AbstractConfiguration& config,
		FirstStart& firstStart);
		/// Signs with the configured secret, read raw (no ${...} expansion),
		/// or else the generated one.

	static PasswordHash adminPasswordHash(const Poco::Util::AbstractConfiguration& config, FirstStart& firstStart,
		const std::string& username);
		/// The configured hash, read raw and trimmed, or else the generated one.

	static LoginThrottle::Limits loginLimits(const Poco::Util::AbstractConfiguration& config);
};

} // namespace authjwt

#endif // authjwt_AuthJwtPlugin_INCLUDED
