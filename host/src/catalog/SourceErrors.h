//
// SourceErrors.h
//

#ifndef restream_host_SourceErrors_INCLUDED
#define restream_host_SourceErrors_INCLUDED

#include "restream/ChannelException.h"
#include "restream/SourceException.h"
#include <string>

namespace restream::host {

class SourceErrors
	/// The one mapping of a source's failures (SourceException kinds) to
	/// what the API answers: an HTTP status and a ChannelErrors code.
	/// Stateless; any thread.
{
public:
	static int status(SourceException::Kind kind);
		/// 404 NotFound, 503 NotConfigured, 504 Timeout, else 502.

	static std::string code(SourceException::Kind kind);

	static ChannelException toChannelException(const SourceException& exception, const std::string& message);
		/// The same failure as a refusal of a channel, with message (redacted
		/// by the caller).
};

} // namespace restream::host

#endif // restream_host_SourceErrors_INCLUDED
