//
// RouteResponse.h
//
// How a route answers: at once, later, or as a long-lived stream.
//

#ifndef restream_RouteResponse_INCLUDED
#define restream_RouteResponse_INCLUDED

#include "restream/Version.h"
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace restream {

class RESTREAM_API RouteResponse
	/// The answer to one request, made by the host's HTTP server and handed
	/// to Route::handle(). A route answers exactly once, in one of two ways:
	///   - send(): a complete answer. The host adds Content-Length, Date and
	///     its CORS headers (a header the route sets wins), and drops the
	///     body for HEAD. The body is shared, never copied: a segment sent
	///     to a thousand viewers exists once in memory.
	///   - startStream(), then write()..., then end(): a long-lived answer of
	///     unknown length (continuous MPEG-TS). Chunks are queued per
	///     connection; a viewer that falls more than the port's stream
	///     backlog behind is disconnected, and write() returns false from
	///     then on, without slowing anybody else. For HEAD the host sends
	///     the stream's headers and closes: write() returns false at once.
	/// The answer may come during handle() or later, from any thread (a
	/// blocking playlist reload answers when the asked part exists). A route
	/// that never answers gets a 503 from the host after the port's request
	/// timeout; a stream has no such deadline.
	///
	/// Ownership: shared between the host and the route; a route may keep
	/// its pointer as long as it likes (answering a closed one does nothing).
	/// Threads: any thread; calls on one response must not overlap.
	/// Errors: nothing throws. Once the client has gone, the calls do
	/// nothing, write() returns false and isOpen() is false.
{
public:
	using Headers = std::vector<std::pair<std::string, std::string>>;

	virtual ~RouteResponse() = default;

	virtual void send(int status, const Headers& headers, std::shared_ptr<const std::string> body) = 0;
		/// Sends the complete answer. body may be null for none.

	virtual bool startStream(int status, const Headers& headers) = 0;
		/// Sends the status and headers of a long-lived answer; false when
		/// the client has gone.

	virtual bool write(std::shared_ptr<const std::string> chunk) = 0;
		/// Queues chunk after what was written before; false when the
		/// client has gone or fell too far behind: stop writing then.

	virtual void end() = 0;
		/// Ends a stream (the connection closes).

	virtual bool isOpen() const = 0;
		/// False once the client has gone or the answer is complete.

	void sendText(int status, const std::string& contentType, std::string text, Headers headers = Headers())
		/// Sends text with the given type.
	{
		headers.emplace_back("Content-Type", contentType);
		send(status, headers, std::make_shared<const std::string>(std::move(text)));
	}

	void sendJson(int status, const Poco::Dynamic::Var& body, Headers headers = Headers())
		/// Sends body (an Object, Array or value) as JSON, not cacheable.
	{
		std::ostringstream text;
		Poco::JSON::Stringifier::condense(body, text);
		headers.emplace_back("Cache-Control", "no-store");
		sendText(status, "application/json; charset=utf-8", text.str(), std::move(headers));
	}

	void sendError(int status, const std::string& detail, Headers headers = Headers())
		/// Sends {"detail": detail}, the API's error shape. detail is one
		/// sentence for a human and never carries credentials.
	{
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("detail", detail);
		sendJson(status, body, std::move(headers));
	}
};

} // namespace restream

#endif // restream_RouteResponse_INCLUDED
