//
// ClientConnection.cpp
//

#include "ClientConnection.h"
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <netinet/in.h>
#include <string_view>
#include <sys/socket.h>

namespace restream::bench {

namespace {

const std::size_t headChunk = 2048;        // read at a time until the head ends
const std::size_t headLimit = 16 * 1024;   // a longer answer head is a protocol failure

std::string lowered(std::string text)
{
	std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
	return text;
}

std::string trimmed(const std::string& text)
{
	const auto first = text.find_first_not_of(" \t");
	if (first == std::string::npos) return {};
	return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

ClientConnection::ClientConnection(boost::asio::io_context& context, boost::asio::ip::tcp::endpoint server, boost::asio::ip::address source,
	std::vector<char>& scratch):
	_socket(context),
	_server(std::move(server)),
	_source(std::move(source)),
	_scratch(scratch)
{
}

bool ClientConnection::isOpen()
{
	if (!_socket.is_open()) return false;
	char byte = 0;
	const ssize_t peeked = ::recv(_socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
	return peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);  // 0: closed by the server; data: not ours to read
}

void ClientConnection::connect(Handler handler)
{
	_handler = std::move(handler);
	boost::system::error_code error;
	_socket.close(error);
	_socket.open(_server.protocol(), error);
#ifdef IP_BIND_ADDRESS_NO_PORT
	if (!error)
	{
		// the port is chosen at connect() for the (source, server) pair, not at bind() for the source alone
		const int on = 1;
		::setsockopt(_socket.native_handle(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &on, sizeof on);
	}
#endif
	if (!error) _socket.bind(boost::asio::ip::tcp::endpoint(_source, 0), error);
	if (error)
	{
		_socket.close(error);
		boost::asio::post(_socket.get_executor(), [this] { finish(Failure::Local); });
		return;
	}
	_socket.async_connect(_server, [this](const boost::system::error_code& connectError) {
		if (connectError == boost::asio::error::address_in_use || connectError == boost::asio::error::no_buffer_space)
			return finish(Failure::Local);
		finish(connectError ? failureOf(connectError) : Failure::None);
	});
}

void ClientConnection::get(const std::string& path, bool keepBody, Handler handler)
{
	_handler = std::move(handler);
	_keepBody = keepBody;
	_headRead = 0;
	_bodyRead = 0;
	_contentLength = 0;
	_answerBytes = 0;
	_status = 0;
	_serverCloses = false;
	_body.clear();
	_request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: bench-serving-players\r\n\r\n";
	boost::asio::async_write(_socket, boost::asio::buffer(_request), [this](const boost::system::error_code& error, std::size_t) {
		if (error) return finish(failureOf(error));
		readHead();
	});
}

void ClientConnection::readHead()
{
	if (_head.size() < _headRead + headChunk) _head.resize(_headRead + headChunk);
	_socket.async_read_some(boost::asio::buffer(&_head[_headRead], _head.size() - _headRead),
		[this](const boost::system::error_code& error, std::size_t bytes) { onHead(error, bytes); });
}

void ClientConnection::onHead(const boost::system::error_code& error, std::size_t bytes)
{
	if (error) return finish(failureOf(error));
	const std::size_t searchFrom = _headRead >= 3 ? _headRead - 3 : 0;
	_headRead += bytes;
	const auto end = std::string_view(_head.data(), _headRead).find("\r\n\r\n", searchFrom);
	if (end == std::string_view::npos)
	{
		if (_headRead >= headLimit) return finish(Failure::Protocol);
		return readHead();
	}
	if (!parseHead(end)) return finish(Failure::Protocol);
	const std::size_t bodyStart = end + 4;
	_bodyRead = _headRead - bodyStart;
	_answerBytes = _headRead;
	if (_bodyRead > _contentLength) return finish(Failure::Protocol);  // more than the answer: not a request of ours
	if (_keepBody) _body.assign(_head, bodyStart, _bodyRead);
	if (_bodyRead == _contentLength) return finish(Failure::None);
	readBody();
}

bool ClientConnection::parseHead(std::size_t headEnd)
{
	std::size_t lineStart = 0;
	bool first = true;
	bool lengthSeen = false;
	bool keepAlive = false;
	bool http10 = false;
	while (lineStart < headEnd)
	{
		std::size_t lineEnd = _head.find("\r\n", lineStart);
		if (lineEnd == std::string::npos || lineEnd > headEnd) lineEnd = headEnd;
		const std::string line = _head.substr(lineStart, lineEnd - lineStart);
		lineStart = lineEnd + 2;
		if (first)
		{
			first = false;
			if (line.compare(0, 7, "HTTP/1.") != 0 || line.size() < 12 || line[8] != ' ') return false;
			http10 = line[7] == '0';
			if (!std::isdigit(static_cast<unsigned char>(line[9])) || !std::isdigit(static_cast<unsigned char>(line[10])) ||
				!std::isdigit(static_cast<unsigned char>(line[11])))
				return false;
			_status = std::stoi(line.substr(9, 3));
			continue;
		}
		const auto colon = line.find(':');
		if (colon == std::string::npos) return false;
		const std::string name = lowered(line.substr(0, colon));
		const std::string value = lowered(trimmed(line.substr(colon + 1)));
		if (name == "content-length")
		{
			if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || value.size() > 12) return false;
			_contentLength = std::stoull(value);
			lengthSeen = true;
		}
		else if (name == "transfer-encoding") return false;  // chunked: not what any server measured sends
		else if (name == "connection")
		{
			if (value.find("close") != std::string::npos) _serverCloses = true;
			if (value.find("keep-alive") != std::string::npos) keepAlive = true;
		}
	}
	if (http10 && !keepAlive) _serverCloses = true;
	return lengthSeen;
}

void ClientConnection::readBody()
{
	const std::size_t remaining = _contentLength - _bodyRead;
	if (_keepBody)
	{
		_body.resize(_contentLength);
		_socket.async_read_some(boost::asio::buffer(&_body[_bodyRead], remaining),
			[this](const boost::system::error_code& error, std::size_t bytes) { onBody(error, bytes); });
		return;
	}
	// the body is dropped: other connections of this thread read into the same bytes meanwhile
	_socket.async_read_some(boost::asio::buffer(_scratch.data(), std::min(remaining, _scratch.size())),
		[this](const boost::system::error_code& error, std::size_t bytes) { onBody(error, bytes); });
}

void ClientConnection::onBody(const boost::system::error_code& error, std::size_t bytes)
{
	if (error) return finish(failureOf(error));
	_bodyRead += bytes;
	_answerBytes += bytes;
	if (_bodyRead < _contentLength) return readBody();
	finish(Failure::None);
}

void ClientConnection::close()
{
	boost::system::error_code ignored;
	_socket.close(ignored);
}

int ClientConnection::status() const
{
	return _status;
}

bool ClientConnection::serverCloses() const
{
	return _serverCloses;
}

const std::string& ClientConnection::body() const
{
	return _body;
}

std::size_t ClientConnection::answerBytes() const
{
	return _answerBytes;
}

void ClientConnection::finish(Failure failure)
{
	Handler handler = std::move(_handler);
	_handler = nullptr;
	if (handler) handler(failure);
}

ClientConnection::Failure ClientConnection::failureOf(const boost::system::error_code& error)
{
	if (error == boost::asio::error::operation_aborted) return Failure::Aborted;
	if (error == boost::asio::error::connection_refused) return Failure::Refused;
	return Failure::Connection;
}

} // namespace restream::bench
