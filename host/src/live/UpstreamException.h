//
// UpstreamException.h
//

#ifndef restream_host_UpstreamException_INCLUDED
#define restream_host_UpstreamException_INCLUDED

#include <Poco/Exception.h>

namespace restream::host {

POCO_DECLARE_EXCEPTION(, UpstreamException, Poco::IOException)
	/// A channel's upstream failed: code() is the FFmpeg error (AVERROR_...),
	/// the message one sentence for a human, credentials redacted.

} // namespace restream::host

#endif // restream_host_UpstreamException_INCLUDED
