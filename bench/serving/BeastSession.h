//
// BeastSession.h
//

#ifndef restream_bench_BeastSession_INCLUDED
#define restream_bench_BeastSession_INCLUDED

#include "PerAddressLimit.h"
#include "ServedContent.h"
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <memory>

namespace restream::bench {

class BeastSession: public std::enable_shared_from_this<BeastSession>
	/// One HTTP/1.1 connection of the Boost.Beast candidate: reads a request head within the header
	/// deadline (the same deadline bounds the idle time between kept-alive requests, so a slow or
	/// half-open client is closed however it trickles), answers GET and HEAD from the ServedContent,
	/// 400 to a malformed or bodied request, 405 to other methods, and closes the connection on any
	/// error. Keeps itself alive through its pending handlers (shared_from_this); runs on the one
	/// io_context thread that owns its socket, so it needs no lock.
{
public:
	BeastSession(boost::asio::ip::tcp::socket socket, const ServedContent& content, std::chrono::seconds headerTimeout,
		std::unique_ptr<PerAddressLimit::Ticket> ticket);
		/// content must outlive the session; the ticket is released when the session ends.

	void start();

private:
	void readRequest();
	void onRead(boost::beast::error_code error);
	void answer(boost::beast::http::status status);
	void answer(const ServedContent::Resource& resource);
	void onWritten(bool close, boost::beast::error_code error);
	template <class Response>
	void send(std::shared_ptr<Response> response);

	boost::beast::tcp_stream _stream;
	boost::beast::flat_buffer _buffer;
	std::unique_ptr<boost::beast::http::request_parser<boost::beast::http::empty_body>> _parser;
	std::shared_ptr<void> _response;  /// the answer being written
	const ServedContent& _content;
	const std::chrono::seconds _headerTimeout;
	const std::unique_ptr<PerAddressLimit::Ticket> _ticket;
};

} // namespace restream::bench

#endif // restream_bench_BeastSession_INCLUDED
