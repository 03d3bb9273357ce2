//
// ConnectionResponse.h
//

#ifndef restream_host_ConnectionResponse_INCLUDED
#define restream_host_ConnectionResponse_INCLUDED

#include "restream/RouteResponse.h"
#include <Poco/Condition.h>
#include <Poco/Mutex.h>
#include <Poco/Timespan.h>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace Poco {
namespace Net {
class HTTPServerResponse;
class StreamSocket;
} // namespace Net
} // namespace Poco

namespace restream::host {

class ConnectionResponse : public RouteResponse
	/// RouteResponse on one connection of Poco's thread-per-connection
	/// server. The route answers from any thread; the connection's own
	/// thread waits in serve() and does all the writing: a complete answer
	/// (headers through Poco, a large body straight to the socket in as few
	/// sends as the kernel allows), or a stream's chunks as they are queued.
	/// A stream that falls more than backlog bytes behind is cut (write()
	/// returns false), so a slow viewer never holds a producer back.
	///
	/// Threads: the RouteResponse methods from any thread; serve() from the
	/// connection's thread only.
{
public:
	enum class Outcome
	{
		Answered, /// a complete answer was sent
		Streamed, /// a stream was sent until its end or the client left (the connection closes)
		NoAnswer  /// the route did not answer in time: 503 was sent
	};

	ConnectionResponse(bool head, Headers defaults, std::size_t backlog);

	void send(int status, const Headers& headers, std::shared_ptr<const std::string> body) override;
	bool startStream(int status, const Headers& headers) override;
	bool write(std::shared_ptr<const std::string> chunk) override;
	void end() override;
	bool isOpen() const override;

	Outcome serve(Poco::Net::HTTPServerResponse& response, Poco::Net::StreamSocket& socket, const Poco::Timespan& deadline,
		const std::function<void()>& streaming);
		/// Waits at most deadline for the answer and sends it; calls streaming
		/// once a stream begins (its whole-request deadline no longer
		/// applies). Throws Poco::Net exceptions when the client has gone
		/// during a complete answer.

private:
	enum class Kind
	{
		None,
		Complete,
		Stream
	};

	void apply(Poco::Net::HTTPServerResponse& response, int status, const Headers& headers) const;
	static void sendAll(Poco::Net::StreamSocket& socket, const char* data, std::size_t size);

	const bool _head;
	const Headers _defaults;
	const std::size_t _backlog;
	mutable Poco::FastMutex _mutex;
	Poco::Condition _changed;
	Kind _kind = Kind::None;
	int _status = 0;
	Headers _headers;
	std::shared_ptr<const std::string> _body;
	std::deque<std::shared_ptr<const std::string>> _chunks;
	std::size_t _queued = 0;
	bool _ended = false;
	bool _closed = false;
};

} // namespace restream::host

#endif // restream_host_ConnectionResponse_INCLUDED
