//
// FakeApi.h
//
// A stand-in for restream's REST API, to see what the admin sends it and
// make it answer what a test needs.
//

#ifndef restream_test_FakeApi_INCLUDED
#define restream_test_FakeApi_INCLUDED

#include <Poco/Mutex.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Types.h>
#include <memory>
#include <string>

namespace restream {
namespace test {

class FakeApi
	/// A real HTTP server on 127.0.0.1 (ephemeral port) answering:
	///   POST /auth/login      200 with TOKEN for the password "right", 429
	///                         (Retry-After: 42) for "throttled", else 401
	///   GET  /stream_status   200 {"active": false, ...} for "Bearer TOKEN"
	///                         unless revoked, else 401
	///   GET  /channels?...    200 {"channels": [], "total": 0}, the same way
	///   anything else         401
	/// It remembers the last request's URI, X-Forwarded-For and Authorization.
	/// Threads: the server's; every method is thread-safe.
{
public:
	static const std::string TOKEN;

	FakeApi();
	~FakeApi();

	Poco::UInt16 port() const;
	void stop();
	void revoke();
		/// From now on, the token is refused (401), as an expired one.

	std::string lastForwardedFor() const;
	std::string lastAuthorization() const;
	std::string lastUri() const;

	void record(const std::string& forwardedFor, const std::string& authorization);
	void recordUri(const std::string& uri);
	bool revoked() const;

private:
	std::unique_ptr<Poco::Net::HTTPServer> _server;
	Poco::UInt16 _port = 0;
	mutable Poco::FastMutex _mutex;
	std::string _forwardedFor;
	std::string _authorization;
	std::string _uri;
	bool _revoked = false;
};

} // namespace test
} // namespace restream

#endif // restream_test_FakeApi_INCLUDED
