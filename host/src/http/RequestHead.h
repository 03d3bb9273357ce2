//
// RequestHead.h
//

#ifndef restream_host_RequestHead_INCLUDED
#define restream_host_RequestHead_INCLUDED

#include "restream/RouteRequest.h"
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/system/error_code.hpp>
#include <string>
#include <string_view>

namespace restream::host {

class RequestHead
	/// The host's rules for a request head that Beast's parser has read: what
	/// is refused before any route runs, and the RouteRequest a head becomes.
	/// Refused (400 and the connection closed, RFC 9112): a request line or
	/// header the parser cannot read, Content-Length together with
	/// Transfer-Encoding, a Transfer-Encoding other than chunked, a header
	/// name with blanks, two Host headers, a Host that is not a host name
	/// (or none in HTTP/1.1), a request target that is not origin-form.
	/// A parser of network input: fuzz/request-head feeds it.
	///
	/// Stateless; any thread. Errors: refusals are returned, nothing throws.
{
public:
	using Header = boost::beast::http::request_header<>;

	static std::string refusal(const Header& head);
		/// Why a head the parser accepted must be refused, or empty.

	static std::string refusal(const boost::system::error_code& error, const Header& partial, std::string_view rest);
		/// Why the parser refused a head (error), one sentence for the client:
		/// partial holds the fields read before the error, rest the bytes from
		/// where the parser stopped (the line it refused) on.

	static std::string read(const Header& head, const std::string& port, RouteRequest& request);
		/// Fills request's method (upper case), path (decoded once), query,
		/// headers, host and port from head; returns why the target is
		/// refused, or empty. The client's address is the caller's to fill.
};

} // namespace restream::host

#endif // restream_host_RequestHead_INCLUDED
