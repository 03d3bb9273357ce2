//
// SignedInHost.h
//
// A host whose admin is signed in, for tests that drive the API.
//

#ifndef restream_test_SignedInHost_INCLUDED
#define restream_test_SignedInHost_INCLUDED

#include "HostFixture.h"
#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

namespace restream {
namespace test {

class SignedInHost : public HostFixture
	/// A HostFixture whose admin password is PASSWORD, signed in once at
	/// construction; then the API as the admin: bearer(), startStream(),
	/// status(), waitForState(). Failures are CppUnit assertion failures
	/// carrying the host's log. One test thread, like HostFixture.
{
public:
	static const std::string PASSWORD;

	explicit SignedInHost(std::map<std::string, std::string> settings);
		/// Adds plugins.auth-jwt.adminPasswordHash to settings.

	static std::map<std::string, std::string> withXtream(std::map<std::string, std::string> settings, const std::string& url,
		const std::string& username, const std::string& password);
		/// settings with the source-xtream plugin pointed at a provider.

	const std::string& token() const;

	std::map<std::string, std::string> bearer() const;
		/// The Authorization header of the admin's token.

	HttpResult startStream(Poco::Int64 streamId);
		/// POST /start_stream {"stream_id": streamId}.

	Poco::JSON::Object::Ptr status();
		/// GET /stream_status, asserted 200.

	Poco::JSON::Object::Ptr waitForState(const std::string& state, int seconds);
		/// Polls status() until its state is state; fails the test after
		/// seconds with the last status and the log.

	static Poco::JSON::Object::Ptr jsonObject(const std::string& json);

private:
	std::string _token;
};

} // namespace test
} // namespace restream

#endif // restream_test_SignedInHost_INCLUDED
