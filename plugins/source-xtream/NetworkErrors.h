//
// NetworkErrors.h
//
// What a failed call to a provider means, as a SourceException.
//

#ifndef sourcextream_NetworkErrors_INCLUDED
#define sourcextream_NetworkErrors_INCLUDED

#include <Poco/Timespan.h>
#include <Poco/URI.h>
#include <string>

namespace restream {
class PluginContext;
}

namespace sourcextream {

class NetworkErrors
	/// Turns the exception being handled during a call to a provider into a
	/// SourceException whose message names the host (and port), never the
	/// URL: Unreachable (connection refused, DNS, TLS, reset, other I/O),
	/// Timeout (no answer within timeout), ProviderError (a malformed HTTP
	/// answer, a connection closed without one). A SourceException passes
	/// through unchanged. What a message quotes of Poco's own message is
	/// redacted.
	///
	/// A value type; it keeps a reference to the context, which must outlive it.
{
public:
	NetworkErrors(const restream::PluginContext& context, const Poco::Timespan& timeout);

	[[noreturn]] void rethrow(const Poco::URI& uri) const;
		/// Rethrows the exception being handled, translated. Call it only
		/// inside a catch block.

private:
	static std::string authorityOf(const Poco::URI& uri);

	const restream::PluginContext& _context;
	Poco::Timespan _timeout;
};

} // namespace sourcextream

#endif // sourcextream_NetworkErrors_INCLUDED
