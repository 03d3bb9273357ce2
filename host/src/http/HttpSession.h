//
// HttpSession.h
//

#ifndef restream_host_HttpSession_INCLUDED
#define restream_host_HttpSession_INCLUDED

#include "http/Router.h"
#include "restream/RouteResponse.h"
#include <Poco/Net/IPAddress.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace restream::host {

class PortServer;
class SessionResponse;

class HttpSession : public std::enable_shared_from_this<HttpSession>
	/// One HTTP connection of a port, event-driven on one I/O thread
	/// (IoThreads): it reads each request head with Beast under a deadline
	/// (http.<port>.headerTimeout, and never longer than requestTimeout),
	/// refuses what RequestHead refuses (400 and close), lets the port's
	/// Router decide, reads the body up to the route's maxBodySize() under
	/// readTimeout (413 beyond, up to 64 KiB drained so the client reads
	/// the answer), and runs the route: inline when Route::quick(), on the
	/// port's WorkerPool otherwise (503 when its queue is full). The answer
	/// comes through a SessionResponse from any thread: a complete answer
	/// must come within requestTimeout (else 503 "the server did not answer
	/// in time" and close), each write must progress within readTimeout; a
	/// stream has no whole-request deadline, is written chunk by chunk as it
	/// is queued and ends when the viewer hangs up (noticed by a read that
	/// is always pending). Kept alive for keepAliveTimeout between requests
	/// and maxKeepAliveRequests requests. The Router's decision (with the
	/// Authenticator of a Protected route) runs on the I/O thread too.
	///
	/// Memory: an idle kept-alive connection holds this object, its socket
	/// and timers and no buffer: about 3.5 kB of RSS (measured with 500 idle
	/// connections, tests/http), the kernel's socket buffers aside; a request
	/// adds its head and body while it is under way. Ownership: shared by the handlers pending on its
	/// thread, and by itself while a route answers (so a route that holds
	/// its SessionResponse does not keep it). Threads: every method runs on
	/// its I/O thread (start() and close() are posted there).
{
public:
	HttpSession(boost::asio::ip::tcp::socket socket, PortServer& port, const Poco::Net::IPAddress& peer, std::string limitedAddress);
		/// limitedAddress: the address the port's AddressLimit counted for
		/// this connection (released at the end), or empty.
	~HttpSession();

	void start();
	void close();
		/// Ends the connection at once. Idempotent.

	boost::beast::tcp_stream::executor_type executor();
		/// Where its methods run.

	void answer(const std::shared_ptr<SessionResponse>& response, int status, const RouteResponse::Headers& headers,
		std::shared_ptr<const std::string> body);
	void beginStream(const std::shared_ptr<SessionResponse>& response, int status, const RouteResponse::Headers& headers);
	void streamChunk(const std::shared_ptr<SessionResponse>& response, std::shared_ptr<const std::string> chunk);
	void endStream(const std::shared_ptr<SessionResponse>& response);
	void abandon(const std::shared_ptr<SessionResponse>& response);
		/// What a SessionResponse posts; a response that is not the current
		/// one (a late answer) is ignored.

private:
	enum class Written
	{
		Continue, /// 100 Continue: read the body
		Answer,   /// a complete answer: the next request, or close
		Stream    /// a stream's head or chunk: the next chunk
	};

	void awaitRequest();
	void readHead();
	void onHead(boost::system::error_code error);
	void readBody(std::size_t limit);
	void onBody(boost::system::error_code error);
	void tooLarge(std::size_t limit, std::size_t drain);
	void dispatch();
	void armDeadline();
	void onDeadline();
	void refuse(const std::string& detail);
	std::string head(int status, const RouteResponse::Headers& headers, const std::shared_ptr<const std::string>* body) const;
	void write(std::string head, std::shared_ptr<const std::string> body, Written then);
	void writeMore();
	void onWritten(boost::system::error_code error, std::size_t bytes);
	void pump();
	void watchHangUp();
	void linger();
	void closeForDeadline(const char* what);
		/// Closes the connection and says so (LogThrottle: a line a minute a port).
	bool current(const std::shared_ptr<SessionResponse>& response) const;

	PortServer& _port;
	boost::beast::tcp_stream _stream;
	boost::asio::steady_timer _deadline;
	const Poco::Net::IPAddress _peer;
	const std::string _limitedAddress;
	boost::beast::flat_buffer _buffer;
	std::optional<boost::beast::http::request_parser<boost::beast::http::empty_body>> _headParser;
	std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> _bodyParser;
	RouteRequest _request;
	Router::Target _target;
	std::shared_ptr<SessionResponse> _response;
	std::shared_ptr<HttpSession> _self; /// while a route answers
	unsigned _version = 11;
	bool _keepAlive = false;
	int _requests = 0;
	std::string _outHead;
	std::shared_ptr<const std::string> _outBody;
	std::size_t _outOffset = 0;
	Written _then = Written::Answer;
	bool _writing = false;
	bool _isHead = false;
	bool _dispatched = false; /// the route runs: what it owes is an answer
	bool _answered = false;
	bool _streaming = false;
	bool _streamEnded = false;
	std::deque<std::shared_ptr<const std::string>> _chunks;
	std::array<char, 64> _probe{};
	std::chrono::steady_clock::time_point _lingerUntil;
	bool _closed = false;
};

} // namespace restream::host

#endif // restream_host_HttpSession_INCLUDED
