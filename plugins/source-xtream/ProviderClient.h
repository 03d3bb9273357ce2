//
// ProviderClient.h
//
// GET requests to a provider, with deadlines, few redirects and bounded answers.
//

#ifndef sourcextream_ProviderClient_INCLUDED
#define sourcextream_ProviderClient_INCLUDED

#include "NetworkErrors.h"
#include "ProviderResponse.h"
#include <Poco/Net/Context.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace restream {
class PluginContext;
}

namespace sourcextream {

class ProviderClient
	/// Sends GET requests to a provider over HTTP or HTTPS, one connection
	/// per request:
	///   - connecting, sending and every wait for data are bounded by
	///     timeout; get() bounds its whole call (redirects and body
	///     included) by callTimeout, so a provider that drips bytes cannot
	///     hold a caller;
	///   - redirects (301, 302, 303, 307, 308) are followed by hand, at most
	///     maxRedirects, to http or https addresses only (http to https is
	///     fine); one more is an error;
	///   - get() refuses an answer larger than maxAnswerSize, before reading
	///     when Content-Length says so;
	///   - every request carries the configured User-Agent.
	/// Calls are logged at debug level with their redacted URL, status and
	/// duration.
	///
	/// Threads: get() and open() may be called from any thread,
	/// concurrently; the object does not change after construction.
	/// Errors: SourceException: Unreachable (connection refused, DNS, TLS,
	/// reset), Timeout, ProviderError (too many redirects, answer too large
	/// or cut short, malformed HTTP). Messages name the host only, never
	/// the URL.
{
public:
	struct Options
	{
		std::string userAgent;                                /// none sent when empty
		Poco::Timespan timeout = Poco::Timespan(10, 0);       /// connect, send, each read
		Poco::Timespan callTimeout = Poco::Timespan(120, 0);  /// a whole get()
		std::size_t maxAnswerSize = 64 * 1024 * 1024;         /// bytes of body, for get()
		int maxRedirects = 2;
	};

	struct Answer
	{
		int status = 0;       /// the status of the last answer (never a redirect)
		std::string body;     /// its whole body
	};

	using Headers = std::vector<std::pair<std::string, std::string>>;

	ProviderClient(const restream::PluginContext& context, const Options& options, Poco::Net::Context::Ptr tls);
		/// context (for the logger and redaction) must outlive the client
		/// and every response it opens; tls is the TLS client context for
		/// https (shared, not copied).

	Answer get(const Poco::URI& uri) const;
		/// Sends GET uri with Accept: application/json and returns the final
		/// answer whole, whatever its status.

	std::unique_ptr<ProviderResponse> open(const Poco::URI& uri, const Headers& headers) const;
		/// Sends GET uri with headers besides the User-Agent, follows the
		/// redirects, and returns the final answer, whatever its status,
		/// with its body unread: for answers too large to hold (a guide).

private:
	std::unique_ptr<Poco::Net::HTTPClientSession> session(const Poco::URI& uri) const;
	void readBody(ProviderResponse& response, const Poco::Timestamp& started, std::string& body) const;
	void logFailure(const Poco::URI& uri, const Poco::Timestamp& started, const std::string& message) const;

	const restream::PluginContext& _context;
	const Options _options;
	const Poco::Net::Context::Ptr _tls;
	const NetworkErrors _errors;
};

} // namespace sourcextream

#endif // sourcextream_ProviderClient_INCLUDED
