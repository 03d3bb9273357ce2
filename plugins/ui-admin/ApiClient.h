//
// ApiClient.h
//
// The admin's calls to restream's REST API.
//

#ifndef uiadmin_ApiClient_INCLUDED
#define uiadmin_ApiClient_INCLUDED

#include "restream/RouteRequest.h"
#include <Poco/Net/Context.h>
#include <Poco/Timespan.h>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>

namespace uiadmin {

class ApiClient
	/// Calls the API like any other client: a JSON body, the session's
	/// bearer token, and for the browser a request is made for:
	///   - X-Forwarded-For: the browser's address (RouteRequest::clientAddress),
	///     so that the API's sign-in throttle counts browsers, not the admin
	///     (the API believes it when the admin's address is one of its
	///     trusted proxies, as loopback is by default);
	///   - Host: the host name of the browser's Host header without its port,
	///     when the API is on this machine (a loopback URL, as the same
	///     process's API is): the URLs the API answers (playback URLs,
	///     player_url) then name the host the browser knows, not 127.0.0.1,
	///     with each port's own number. A remote API gets its own name.
	///
	/// The base URL comes from a locator asked at every call, because the
	/// same process's API is known only once the host serves its ports
	/// (PlaybackUrls::localUrl("api")). An https API's certificate is
	/// verified against the system's CAs.
	///
	/// One connection per call: no state between calls.
	/// Threads: call() may be used from many threads at once.
	/// Errors: call() throws a Poco::Exception (no API to call, a refused
	/// connection, a timeout, a TLS failure, an answer over MAX_ANSWER) when
	/// no complete answer came; an HTTP error status is an answer, not an
	/// exception.
{
public:
	struct Answer
	{
		int status = 0;
		std::string body;
		std::string contentType;
		std::string retryAfter;   /// the Retry-After header, if any
		std::string cacheControl; /// the Cache-Control header, if any
	};

	using Locator = std::function<std::string()>;
		/// Gives the API's base URL, "http(s)://host[:port][/prefix]"
		/// without a query or a trailing slash; empty (or a Poco::Exception)
		/// when there is none.

	ApiClient(Locator locator, Poco::Timespan timeout);

	Answer call(const std::string& method, const std::string& pathAndQuery, const std::string& jsonBody, const std::string& token,
		const restream::RouteRequest& browser, Poco::Timespan held = 0) const;
		/// Sends one request to the base URL + pathAndQuery on behalf of
		/// the browser's request. token and jsonBody may be empty (no
		/// Authorization, no body). held: how long the API may hold the
		/// request on purpose before it answers (a playlist it waits for),
		/// added to the timeout for the answer's first byte.

	std::string baseUrl() const;
		/// The base URL now, for messages (it carries no secret); a sentence
		/// naming the setting when there is none.

	static const std::size_t MAX_ANSWER = 8 * 1024 * 1024;
		/// Every answer is held in memory whole, a preview segment too: a
		/// 2 s segment of even 20 Mb/s is 5 MB.

private:
	std::string locate() const;
		/// The locator's URL; empty when it has none or fails.

	Poco::Net::Context::Ptr tls() const;

	const Locator _locator;
	const Poco::Timespan _timeout;
	mutable std::once_flag _tlsOnce;
	mutable Poco::Net::Context::Ptr _tls;
};

} // namespace uiadmin

#endif // uiadmin_ApiClient_INCLUDED
