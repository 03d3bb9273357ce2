//
// ProviderResponse.h
//
// A provider's answer to one GET, its body read as the caller goes.
//

#ifndef sourcextream_ProviderResponse_INCLUDED
#define sourcextream_ProviderResponse_INCLUDED

#include "NetworkErrors.h"
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Types.h>
#include <Poco/URI.h>
#include <istream>
#include <memory>

namespace Poco {
namespace Net {
class HTTPClientSession;
}
} // namespace Poco

namespace sourcextream {

class ProviderResponse
	/// The final answer (never a redirect) that ProviderClient::open() got,
	/// status and headers read, body not yet. It owns the HTTP session: the
	/// connection closes when the response is destroyed, whether the body
	/// was read or not.
	///
	/// Threads: one thread at a time.
	/// Errors: read() throws SourceException as NetworkErrors says, and
	/// ProviderError when the body ends before the Content-Length the
	/// provider announced. Messages name the host only.
{
public:
	ProviderResponse(std::unique_ptr<Poco::Net::HTTPClientSession> session, const Poco::URI& uri, const NetworkErrors& errors);
		/// Takes a session whose request was sent; reads the status and the
		/// headers (bounded by the session's timeouts).

	~ProviderResponse();

	int status() const;
	const Poco::Net::HTTPResponse& response() const;
	const Poco::URI& uri() const;
		/// The URL that answered (after redirects): it carries credentials.

	std::streamsize read(char* buffer, std::streamsize size);
		/// Waits for the body's next bytes (at most the session's timeout)
		/// and copies what arrived, up to size (which must be at least 1);
		/// returns the count, at least 1, or 0 at
		/// the end of the body.

	Poco::UInt64 received() const;
		/// The bytes of the body read so far.

private:
	std::unique_ptr<Poco::Net::HTTPClientSession> _session;
	Poco::URI _uri;
	NetworkErrors _errors;
	Poco::Net::HTTPResponse _response;
	std::istream* _body = nullptr;
	Poco::UInt64 _received = 0;
};

} // namespace sourcextream

#endif // sourcextream_ProviderResponse_INCLUDED
