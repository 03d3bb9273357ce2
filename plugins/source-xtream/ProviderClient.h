//
// ProviderClient.h
//
// GET requests to a provider, with deadlines, few redirects and bounded answers.
//

#ifndef restream_xtream_ProviderClient_INCLUDED
#define restream_xtream_ProviderClient_INCLUDED

#include <Poco/Net/Context.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>
#include <memory>
#include <string>

namespace Poco {
namespace Net {
class HTTPClientSession;
}
} // namespace Poco

namespace restream {

class PluginContext;

namespace xtream {

class ProviderClient
	/// Sends GET requests to a provider over HTTP or HTTPS, one connection
	/// per request, and returns the whole answer in memory:
	///   - connecting, sending and every wait for data are bounded by
	///     timeout, the whole call (redirects and body included) by
	///     callTimeout, so a provider that drips bytes cannot hold a caller;
	///   - redirects (301, 302, 303, 307, 308) are followed by hand, at most
	///     maxRedirects, to http or https addresses only (http to https is
	///     fine); one more is an error;
	///   - an answer larger than maxAnswerSize is refused, before reading
	///     when Content-Length says so;
	///   - every request carries the configured User-Agent and
	///     Accept: application/json.
	/// Each call is logged at debug level with its redacted URL, status, size
	/// and duration.
	///
	/// Threads: get() may be called from any thread, concurrently; the
	/// object does not change after construction.
	/// Errors: get() throws SourceException: Unreachable (connection
	/// refused, DNS, TLS, reset), Timeout, ProviderError (too many redirects,
	/// answer too large or cut short, malformed HTTP). Messages name the host
	/// only, never the URL.
{
public:
	struct Options
	{
		std::string userAgent;                                /// none sent when empty
		Poco::Timespan timeout = Poco::Timespan(10, 0);       /// connect, send, each read
		Poco::Timespan callTimeout = Poco::Timespan(120, 0);  /// the whole call
		std::size_t maxAnswerSize = 64 * 1024 * 1024;         /// bytes of body
		int maxRedirects = 2;
	};

	struct Answer
	{
		int status = 0;       /// the status of the last answer (never a redirect)
		std::string body;     /// its whole body
	};

	ProviderClient(const PluginContext& context, const Options& options, Poco::Net::Context::Ptr tls);
		/// context (for the logger and redaction) must outlive the client;
		/// tls is the TLS client context for https (shared, not copied).

	Answer get(const Poco::URI& uri) const;
		/// Sends GET uri and returns the final answer, whatever its status.

private:
	std::string exchange(const Poco::URI& uri, const Poco::Timestamp& started, Answer& answer) const;
		/// One request: returns the Location of a redirect, or fills answer
		/// and returns "".

	std::unique_ptr<Poco::Net::HTTPClientSession> open(const Poco::URI& uri) const;
	void readBody(std::istream& in, std::streamsize contentLength, const Poco::URI& uri, const Poco::Timestamp& started,
		std::string& body) const;
	[[noreturn]] void fail(const Poco::URI& uri) const;
		/// Rethrows the exception being handled as a SourceException.

	static std::string authorityOf(const Poco::URI& uri);
	static std::string seconds(const Poco::Timespan& span);

	const PluginContext& _context;
	const Options _options;
	const Poco::Net::Context::Ptr _tls;
};

} // namespace xtream
} // namespace restream

#endif // restream_xtream_ProviderClient_INCLUDED
