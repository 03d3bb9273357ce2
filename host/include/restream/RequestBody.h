//
// RequestBody.h
//
// Whether a request carries a body that may be read.
//

#ifndef restream_RequestBody_INCLUDED
#define restream_RequestBody_INCLUDED

#include <Poco/Net/HTTPServerRequest.h>

namespace restream {

class RequestBody
	/// Header-only. Threads: stateless. Errors: none.
{
public:
	static bool isPresent(const Poco::Net::HTTPServerRequest& request)
		/// True when the request announces a body with Content-Length or
		/// chunked encoding. Without either, an HTTP/1.1 request has no body
		/// (RFC 9112, 6.3), but Poco's request stream would wait for the
		/// client to close the connection (`curl -X POST` without -d):
		/// handlers must not read the stream then.
	{
		return request.hasContentLength() || request.getChunkedTransferEncoding();
	}
};

} // namespace restream

#endif // restream_RequestBody_INCLUDED
