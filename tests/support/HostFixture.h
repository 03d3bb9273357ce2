//
// HostFixture.h
//
// A real restream host, in process, for tests.
//

#ifndef restream_test_HostFixture_INCLUDED
#define restream_test_HostFixture_INCLUDED

#include "LogCapture.h"
#include <Poco/AutoPtr.h>
#include <Poco/Net/NameValueCollection.h>
#include <map>
#include <memory>
#include <sstream>
#include <string>

namespace restream {

class Service;

namespace host {
class Host;
class HostConfiguration;
class Redactor;
} // namespace host

namespace test {

using host::Host;
using host::HostConfiguration;
using host::Redactor;

struct HttpResult
	/// What a request got back.
{
	int status = 0;
	std::string body;
	Poco::Net::NameValueCollection headers;
};

class HostFixture
	/// Starts an in-process host: every port on 127.0.0.1 with an ephemeral
	/// port, a fresh temporary state directory, the built plugins directory,
	/// the log captured (after redaction) and std::cerr captured.
	/// settings are configuration keys applied as --define would; the default
	/// plugins.load is "auth-jwt". Not thread-safe: one test thread.
{
public:
	explicit HostFixture(const std::map<std::string, std::string>& settings = {});
	~HostFixture();
		/// Stops the host and deletes the state directory.

	void restart();
		/// Stops and starts again with the same settings and state directory.

	void stop();
		/// Stops the host (the fixture can still be inspected).

	HttpResult request(const std::string& method, const std::string& portName, const std::string& path, const std::string& body = "",
		const std::map<std::string, std::string>& headers = {});
		/// Sends one request to a port ("api", "admin", "player"). Content-Type
		/// defaults to application/json when body is non-empty.

	std::string signIn(const std::string& password, const std::string& username = "admin");
		/// Signs in through POST /auth/login and returns the access token.
		/// Throws Poco::AssertionViolationException when the login fails.

	static std::string passwordHash(const std::string& password);
		/// A bcrypt hash for plugins.auth-jwt.adminPasswordHash.

	template <class Role>
	std::shared_ptr<Role> service(const std::string& name)
		/// The running host's service registered under name, if it has Role.
	{
		return std::dynamic_pointer_cast<Role>(findService(name));
	}

	const std::string& startError() const;
		/// Why the host refused to start (a bad setting, a port it cannot
		/// bind), or empty when it runs.

	unsigned short port(const std::string& portName) const;
	std::string stateDir() const;
	std::string log() const;
		/// Every log line so far, after redaction, one per line.
	std::string console() const;
		/// What was written to std::cerr while the host ran.

private:
	void start();
	std::shared_ptr<Service> findService(const std::string& name);

	std::map<std::string, std::string> _settings;
	std::string _stateDir;
	Poco::AutoPtr<LogCapture> _log;
	std::unique_ptr<Redactor> _redactor;
	std::unique_ptr<HostConfiguration> _configuration;
	std::unique_ptr<Host> _host;
	std::ostringstream _console;
	std::string _startError;
	std::streambuf* _savedCerr = nullptr;
};

} // namespace test
} // namespace restream

#endif // restream_test_HostFixture_INCLUDED
