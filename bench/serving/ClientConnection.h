//
// ClientConnection.h
//

#ifndef restream_bench_ClientConnection_INCLUDED
#define restream_bench_ClientConnection_INCLUDED

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace restream::bench {

class ClientConnection
	/// One HTTP/1.1 keep-alive client connection to a server on loopback, from a chosen source
	/// address, for serving-players: get() sends a GET and reads the whole answer. Answers must carry
	/// a Content-Length (every server measured does); anything else is a protocol failure. A body is
	/// kept only when asked for; otherwise it is read into the scratch buffer that all connections of
	/// the thread share, and dropped, so that 10 000 connections cost little memory in the client.
	///
	/// One request at a time. Not thread-safe: it lives on one io_context, whose one thread runs its
	/// handlers; the handler is called exactly once per connect() or get(), also after close().
{
public:
	enum class Failure
	{
		None,
		Local,      /// the client could not open or bind a socket (its file limit, no free port)
		Refused,    /// the server refused the connection
		Connection, /// reset, closed by the server during a request, or another socket error
		Protocol,   /// an answer that is not HTTP/1.x with a Content-Length, or too long a head
		Aborted     /// close() was called while the request was pending (the caller's timeout)
	};
	using Handler = std::function<void(Failure)>;

	ClientConnection(boost::asio::io_context& context, boost::asio::ip::tcp::endpoint server, boost::asio::ip::address source,
		std::vector<char>& scratch);
		/// scratch must outlive the connection and be shared only by connections of the same thread.

	bool isOpen();
		/// Connected, and not closed by the server since the last answer (checked with a peek, as
		/// a client library notices an idle connection the server closed).

	void connect(Handler handler);
		/// Closes the socket if open, then connects from the source address (any port).

	void get(const std::string& path, bool keepBody, Handler handler);
		/// Sends GET path with Host and keep-alive, reads the answer; with keepBody the body is then
		/// in body().

	void close();
		/// Closes the socket; a pending connect() or get() ends with Failure::Aborted.

	int status() const;
		/// The last answer's status code.

	bool serverCloses() const;
		/// The last answer said Connection: close (or was HTTP/1.0 without keep-alive).

	const std::string& body() const;
		/// The last answer's body, if kept.

	std::size_t answerBytes() const;
		/// Bytes of the last answer, head and body.

private:
	void readHead();
	void onHead(const boost::system::error_code& error, std::size_t bytes);
	bool parseHead(std::size_t headEnd);
	void readBody();
	void onBody(const boost::system::error_code& error, std::size_t bytes);
	void finish(Failure failure);
	static Failure failureOf(const boost::system::error_code& error);

	boost::asio::ip::tcp::socket _socket;
	const boost::asio::ip::tcp::endpoint _server;
	const boost::asio::ip::address _source;
	std::vector<char>& _scratch;
	std::string _request;
	std::string _head;        /// what was read of the answer until its head ended
	std::size_t _headRead = 0;
	std::string _body;
	bool _keepBody = false;
	std::size_t _bodyRead = 0;
	std::size_t _contentLength = 0;
	std::size_t _answerBytes = 0;
	int _status = 0;
	bool _serverCloses = false;
	Handler _handler;
};

} // namespace restream::bench

#endif // restream_bench_ClientConnection_INCLUDED
