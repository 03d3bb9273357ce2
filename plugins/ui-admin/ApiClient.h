//
// ApiClient.h
//
// The admin's calls to restream's REST API.
//

#ifndef restream_admin_ApiClient_INCLUDED
#define restream_admin_ApiClient_INCLUDED

#include <Poco/Net/Context.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>
#include <cstddef>
#include <string>

namespace restream {
namespace admin {

class ApiClient
	/// Calls the API at its base URL (http or https, checked against the
	/// system's CA certificates) like any other client: a JSON body, the
	/// session's bearer token, and X-Forwarded-For with the browser's address
	/// so that the API's sign-in throttle counts browsers, not the admin (the
	/// API believes it when the admin's address is one of its trusted
	/// proxies, as loopback is by default).
	///
	/// One connection per call: no state between calls.
	/// Threads: const; call() may be used from many threads at once.
	/// Errors: call() throws a Poco::Exception (a refused connection, a
	/// timeout, a TLS failure, an answer over MAX_ANSWER) when no complete
	/// answer came; an HTTP error status is an answer, not an exception.
{
public:
	struct Answer
	{
		int status = 0;
		std::string body;
		std::string contentType;
		std::string retryAfter;   /// the Retry-After header, if any
	};

	ApiClient(const std::string& baseUrl, Poco::Timespan timeout);
		/// baseUrl: "http(s)://host[:port][/prefix]", without a query. An
		/// https API's certificate is verified against the system's CAs.

	Answer call(const std::string& method, const std::string& pathAndQuery, const std::string& jsonBody, const std::string& token,
		const std::string& forwardedFor) const;
		/// Sends one request to baseUrl + pathAndQuery. token and jsonBody
		/// may be empty (no Authorization, no body).

	const std::string& baseUrl() const;
		/// The base URL, for messages (it carries no secret).

	Poco::UInt16 port() const;
		/// The API's port.

	static const std::size_t MAX_ANSWER = 8 * 1024 * 1024;
		/// Every answer is held in memory whole, a preview segment too: a
		/// 2 s segment of even 20 Mb/s is 5 MB.

private:
	const std::string _baseUrl;
	const Poco::URI _uri;
	const Poco::Timespan _timeout;
	Poco::Net::Context::Ptr _tls;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_ApiClient_INCLUDED
