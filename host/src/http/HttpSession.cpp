//
// HttpSession.cpp
//

#include "http/HttpSession.h"
#include "http/PortServer.h"
#include "http/RequestHead.h"
#include "http/SessionResponse.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <algorithm>

namespace restream::host {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;

const std::size_t headLimit = 16 * 1024;
const std::size_t maxDrainedBody = 64 * 1024;
const std::chrono::seconds lingerTime(1); // after a last answer, what the client still sends is read for this long

std::chrono::microseconds duration(const Poco::Timespan& span)
{
	return std::chrono::microseconds(span.totalMicroseconds());
}

std::string jsonDetail(const std::string& detail)
{
	return "{\"detail\":\"" + detail + "\"}";
}

} // namespace

HttpSession::HttpSession(asio::ip::tcp::socket socket, PortServer& port, const Poco::Net::IPAddress& peer, std::string limitedAddress):
	_port(port),
	_stream(std::move(socket)),
	_deadline(_stream.get_executor()),
	_peer(peer),
	_limitedAddress(std::move(limitedAddress))
{
}

HttpSession::~HttpSession()
{
	_port.ended(this, _limitedAddress);
}

void HttpSession::start()
{
	boost::system::error_code ignored; // a client gone already fails at the first read
	_stream.socket().set_option(asio::ip::tcp::no_delay(true), ignored);
	readHead();
}

boost::beast::tcp_stream::executor_type HttpSession::executor()
{
	return _stream.get_executor();
}

void HttpSession::close()
{
	if (_closed) return;
	_closed = true;
	_deadline.cancel();
	boost::system::error_code ignored;
	_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
	_stream.close();
	if (_response) _response->close();
	_chunks.clear();
	_self.reset();
}

void HttpSession::awaitRequest()
{
	_headParser.reset();
	_bodyParser.reset();
	_request = RouteRequest();
	_target = Router::Target();
	if (_buffer.size() > 0) return readHead(); // pipelined
	_buffer.shrink_to_fit(); // an idle connection holds no buffer
	// idle: parked in epoll until the client speaks or keepAliveTimeout passes
	_deadline.expires_after(duration(_port.settings().keepAliveTimeout));
	_deadline.async_wait([self = shared_from_this()](boost::system::error_code error) {
		if (!error) self->close();
	});
	_stream.socket().async_wait(asio::ip::tcp::socket::wait_read, [self = shared_from_this()](boost::system::error_code error) {
		if (self->_closed) return;
		self->_deadline.cancel();
		if (error) return self->close();
		self->readHead();
	});
}

void HttpSession::readHead()
{
	const PortSettings& settings = _port.settings();
	_headParser.emplace();
	_headParser->header_limit(headLimit);
	Poco::Timespan limit = settings.headerTimeout;
	if (settings.requestTimeout.totalMicroseconds() > 0) limit = std::min(limit, settings.requestTimeout);
	_stream.expires_after(duration(limit));
	http::async_read_header(_stream, _buffer, *_headParser,
		[self = shared_from_this()](boost::system::error_code error, std::size_t) { self->onHead(error); });
}

void HttpSession::onHead(boost::system::error_code error)
{
	if (_closed) return;
	if (error == beast::error::timeout) return closeForDeadline("head");
	if (error == http::error::end_of_stream || error == http::error::partial_message || error == asio::error::operation_aborted ||
		error == asio::error::connection_reset || error == asio::error::eof)
		return close();
	if (error)
	{
		const char* data = static_cast<const char*>(_buffer.data().data());
		const std::string detail = RequestHead::refusal(error, _headParser->get(), std::string_view(data, _buffer.size()));
		_port.logger().debug("port %s: refused a request: %s", _port.settings().name, detail);
		return refuse(detail);
	}
	_stream.expires_never();
	const auto& head = _headParser->get();
	std::string refusal = RequestHead::refusal(head);
	if (refusal.empty()) refusal = RequestHead::read(head, _port.settings().name, _request);
	if (!refusal.empty())
	{
		_port.logger().debug("port %s: refused a request: %s", _port.settings().name, refusal);
		return refuse(refusal);
	}
	const PortSettings& settings = _port.settings();
	_request.clientAddress = _port.clients().of(_peer, _request.headers);
	_version = head.version();
	_keepAlive = settings.keepAlive && head.keep_alive() && ++_requests < settings.maxKeepAliveRequests;
	_isHead = _request.isHead();
	_answered = false;
	_dispatched = false;
	_target = _port.router().route(_request, _peer);
	_response = std::make_shared<SessionResponse>(weak_from_this(), _stream.get_executor(), settings.streamBacklog);
	_self = shared_from_this();
	armDeadline();
	if (!_target.route)
	{
		if (_target.status == 200)
			_response->sendText(200, "application/json; charset=utf-8", "{\"status\":\"ok\",\"port\":\"" + settings.name + "\"}",
				{{"Cache-Control", "no-store"}});
		else if (_target.detail.empty())
			_response->send(_target.status, {}, nullptr);
		else
			_response->sendError(_target.status, _target.detail);
		return;
	}
	const std::size_t limit = _target.route->maxBodySize();
	const auto length = _headParser->content_length();
	if (!_headParser->chunked() && !length) return dispatch();
	if (length && *length > limit) return tooLarge(limit, static_cast<std::size_t>(std::min<std::uint64_t>(*length, maxDrainedBody)));
	if (Poco::icompare(std::string(head[http::field::expect]), "100-continue") == 0)
		return write("HTTP/1.1 100 Continue\r\n\r\n", nullptr, Written::Continue);
	readBody(limit);
}

void HttpSession::readBody(std::size_t limit)
{
	_bodyParser.emplace(std::move(*_headParser));
	_headParser.reset();
	_bodyParser->body_limit(limit);
	_stream.expires_after(duration(_port.settings().readTimeout));
	http::async_read(_stream, _buffer, *_bodyParser,
		[self = shared_from_this()](boost::system::error_code error, std::size_t) { self->onBody(error); });
}

void HttpSession::onBody(boost::system::error_code error)
{
	if (_closed) return;
	if (error == beast::error::timeout) return closeForDeadline("body");
	if (error == http::error::body_limit) return tooLarge(_target.route->maxBodySize(), std::min(_buffer.size(), maxDrainedBody));
	if (error) return close(); // the client left, or sent chunks that do not parse: nobody to answer
	_stream.expires_never();
	_request.body = std::move(_bodyParser->get().body());
	_bodyParser.reset();
	dispatch();
}

void HttpSession::tooLarge(std::size_t limit, std::size_t drain)
{
	// the client reads the answer instead of a reset when what it sent is read first
	_keepAlive = false;
	const std::size_t taken = std::min(drain, _buffer.size());
	_buffer.consume(taken);
	drain -= taken;
	if (drain == 0)
		return _response->sendError(413, "The request body is larger than " + std::to_string(limit / 1024) + " KiB");
	_stream.expires_after(duration(_port.settings().readTimeout));
	_stream.async_read_some(_buffer.prepare(std::min<std::size_t>(drain, 16 * 1024)),
		[self = shared_from_this(), limit, drain](boost::system::error_code error, std::size_t bytes) {
			if (self->_closed) return;
			self->_buffer.commit(bytes);
			self->tooLarge(limit, error ? 0 : drain);
		});
}

void HttpSession::dispatch()
{
	_dispatched = true;
	if (_target.route->quick())
	{
		_port.router().run(_target, _request, _response); // must not block: media from memory
		return;
	}
	auto task = [router = _port.sharedRouter(), target = _target, request = std::move(_request), response = _response] {
		router->run(target, request, response);
	};
	if (!_port.workers().submit(std::move(task)))
		_response->sendError(503, "The server is busy; try again shortly", {{"Retry-After", "1"}});
}

void HttpSession::armDeadline()
{
	const Poco::Timespan& timeout = _port.settings().requestTimeout;
	if (timeout.totalMicroseconds() <= 0) return;
	_deadline.expires_after(duration(timeout));
	_deadline.async_wait([self = shared_from_this()](boost::system::error_code error) {
		if (!error) self->onDeadline();
	});
}

void HttpSession::onDeadline()
{
	if (_closed || _streaming) return;
	if (_answered || !_dispatched) return closeForDeadline("request");
	// the route did not answer in time
	_response->close();
	_keepAlive = false;
	_answered = true;
	const auto body = std::make_shared<const std::string>(jsonDetail("the server did not answer in time"));
	const RouteResponse::Headers headers = {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-store"}};
	write(head(503, headers, &body), body, Written::Answer);
}

void HttpSession::refuse(const std::string& detail)
{
	_keepAlive = false;
	_version = 11;
	_answered = true;
	_target = Router::Target();
	const auto body = std::make_shared<const std::string>(jsonDetail(detail));
	write(head(400, {{"Content-Type", "application/json; charset=utf-8"}}, &body), body, Written::Answer);
}

bool HttpSession::current(const std::shared_ptr<SessionResponse>& response) const
{
	return !_closed && response == _response;
}

void HttpSession::answer(const std::shared_ptr<SessionResponse>& response, int status, const RouteResponse::Headers& headers,
	std::shared_ptr<const std::string> body)
{
	if (!current(response) || _answered) return;
	_answered = true;
	_self.reset(); // the write pending holds the session now
	std::string text = head(status, headers, &body);
	if (_isHead) body.reset();
	write(std::move(text), std::move(body), Written::Answer);
}

void HttpSession::beginStream(const std::shared_ptr<SessionResponse>& response, int status, const RouteResponse::Headers& headers)
{
	if (!current(response) || _answered) return;
	_answered = true;
	_streaming = true;
	_keepAlive = false;
	_deadline.cancel(); // a stream has no whole-request deadline
	_self.reset();
	std::string text = head(status, headers, nullptr);
	if (_isHead)
	{
		// HEAD: the stream's headers only; the route sees a closed response and stops writing
		_response->close();
		_streamEnded = true;
	}
	else
		watchHangUp();
	write(std::move(text), nullptr, Written::Stream);
}

void HttpSession::streamChunk(const std::shared_ptr<SessionResponse>& response, std::shared_ptr<const std::string> chunk)
{
	if (!current(response) || !_streaming || _streamEnded) return;
	_chunks.push_back(std::move(chunk));
	if (!_writing) pump();
}

void HttpSession::endStream(const std::shared_ptr<SessionResponse>& response)
{
	if (!current(response) || !_streaming) return;
	_streamEnded = true;
	if (!_writing) pump();
}

void HttpSession::abandon(const std::shared_ptr<SessionResponse>& response)
{
	if (current(response)) close();
}

std::string HttpSession::head(int status, const RouteResponse::Headers& headers, const std::shared_ptr<const std::string>* body) const
{
	std::string text = _version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
	text += std::to_string(status);
	text += ' ';
	const auto reason = http::obsolete_reason(static_cast<http::status>(status));
	text.append(reason.data(), reason.size());
	text += "\r\n";
	auto line = [&text](const std::string& name, const std::string& value) {
		text += name;
		text += ": ";
		text += value;
		text += "\r\n";
	};
	for (const auto& header : _target.headers)
	{
		// the route's headers win over the router's defaults
		const bool overridden = std::any_of(headers.begin(), headers.end(), [&](const auto& own) { return Poco::icompare(own.first, header.first) == 0; });
		if (!overridden) line(header.first, header.second);
	}
	for (const auto& header : headers) line(header.first, header.second);
	line("Date", Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::HTTP_FORMAT));
	line("Server", "restream");
	if (body) line("Content-Length", std::to_string(*body ? (*body)->size() : 0));
	if (!_keepAlive)
		line("Connection", "close");
	else if (_version == 10)
		line("Connection", "Keep-Alive");
	text += "\r\n";
	return text;
}

void HttpSession::write(std::string head, std::shared_ptr<const std::string> body, Written then)
{
	_outHead = std::move(head);
	_outBody = std::move(body);
	_outOffset = 0;
	_then = then;
	_writing = true;
	writeMore();
}

void HttpSession::writeMore()
{
	// as much as the kernel takes, each write under readTimeout; the body is never copied
	std::array<asio::const_buffer, 2> buffers;
	const std::size_t headSize = _outHead.size();
	if (_outOffset < headSize)
	{
		buffers[0] = asio::buffer(_outHead.data() + _outOffset, headSize - _outOffset);
		if (_outBody) buffers[1] = asio::buffer(*_outBody);
	}
	else
		buffers[0] = asio::buffer(_outBody->data() + (_outOffset - headSize), _outBody->size() - (_outOffset - headSize));
	_stream.expires_after(duration(_port.settings().readTimeout));
	_stream.async_write_some(buffers,
		[self = shared_from_this()](boost::system::error_code error, std::size_t bytes) { self->onWritten(error, bytes); });
}

void HttpSession::onWritten(boost::system::error_code error, std::size_t bytes)
{
	if (_closed) return;
	if (error)
	{
		if (error == beast::error::timeout) return closeForDeadline("write");
		return close();
	}
	_outOffset += bytes;
	if (_outOffset < _outHead.size() + (_outBody ? _outBody->size() : 0)) return writeMore();
	_stream.expires_never();
	const std::size_t sent = _outBody ? _outBody->size() : 0;
	_outHead.clear();
	_outHead.shrink_to_fit();
	_outBody.reset();
	_writing = false;
	switch (_then)
	{
	case Written::Continue:
		return readBody(_target.route->maxBodySize());
	case Written::Answer:
		_deadline.cancel();
		if (_response) _response->close();
		_response.reset();
		if (_keepAlive) return awaitRequest();
		return linger();
	case Written::Stream:
		if (_response) _response->written(sent);
		return pump();
	}
}

void HttpSession::pump()
{
	if (_chunks.empty())
	{
		if (_streamEnded) close(); // what was written leaves before the FIN
		return;
	}
	std::shared_ptr<const std::string> chunk = std::move(_chunks.front());
	_chunks.pop_front();
	write("", std::move(chunk), Written::Stream);
}

void HttpSession::watchHangUp()
{
	// a viewer sends nothing while it watches: a read that ends means it hung up
	_stream.socket().async_read_some(asio::buffer(_probe), [self = shared_from_this()](boost::system::error_code error, std::size_t) {
		if (self->_closed) return;
		if (error) return self->close();
		self->watchHangUp();
	});
}

void HttpSession::linger()
{
	// the last answer is sent: stop sending, and read what the client still sends for a moment, so that
	// closing with unread bytes does not reset the connection before the client has read the answer
	if (_lingerUntil == std::chrono::steady_clock::time_point())
	{
		_lingerUntil = std::chrono::steady_clock::now() + lingerTime;
		boost::system::error_code ignored;
		_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
		_buffer.clear();
	}
	_stream.expires_at(_lingerUntil);
	_stream.async_read_some(_buffer.prepare(4096), [self = shared_from_this()](boost::system::error_code error, std::size_t) {
		if (self->_closed) return;
		if (error) return self->close();
		self->linger();
	});
}

void HttpSession::closeForDeadline(const char* what)
{
	close();
	std::size_t heldBack = 0;
	if (!_port.deadlineNotices().admit(heldBack)) return;
	_port.logger().notice("port %s: a request from %s passed its deadline; connection closed (%s)%s", _port.settings().name, _peer.toString(),
		std::string(what), heldBack == 0 ? std::string() : "; " + std::to_string(heldBack) + " more since the last such line");
}

} // namespace restream::host
