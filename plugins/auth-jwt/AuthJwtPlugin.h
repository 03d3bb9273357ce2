//
// AuthJwtPlugin.h
//
// The auth-jwt plugin: admin sign-in and bearer tokens for the API.
//

#ifndef restream_authjwt_AuthJwtPlugin_INCLUDED
#define restream_authjwt_AuthJwtPlugin_INCLUDED

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

namespace restream {
namespace authjwt {

class FirstStart;
class TokenService;

class AuthJwtPlugin : public Plugin
	/// Registers the Authenticator "auth-jwt" (bearer JWTs signed with HS256)
	/// and the route "auth-jwt.login" (POST /auth/login) where the one admin
	/// account exchanges its password for a token.
	///
	/// start() refuses, with a message naming the setting or file, a
	/// password hash that is not a supported crypt(3) hash, a weak JWT secret
	/// and malformed numbers. When no hash or no secret is configured, they
	/// are generated at the first start (see FirstStart); there is no
	/// default password.
	///
	/// Threads: start() and stop() from the host's main thread.
{
public:
	std::vector<Setting> settings() const override;
	void start(PluginContext& context) override;
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
	static int integer(const Poco::Util::AbstractConfiguration& config, const std::string& key, int minimum);
		/// The setting key as an integer, or Poco::InvalidArgumentException.
};

} // namespace authjwt
} // namespace restream

#endif // restream_authjwt_AuthJwtPlugin_INCLUDED
