//
// ConnectionResponse.cpp
//

#include "http/ConnectionResponse.h"
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>
#include <algorithm>
#include <ostream>

namespace restream::host {

namespace {

const std::size_t directBody = 16 * 1024; // larger bodies skip Poco's 4 KiB stream buffer

} // namespace

ConnectionResponse::ConnectionResponse(bool head, Headers defaults, std::size_t backlog):
	_head(head),
	_defaults(std::move(defaults)),
	_backlog(backlog)
{
}

void ConnectionResponse::send(int status, const Headers& headers, std::shared_ptr<const std::string> body)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (_kind != Kind::None || _closed) return;
	_kind = Kind::Complete;
	_status = status;
	_headers = headers;
	_body = std::move(body);
	_changed.broadcast();
}

bool ConnectionResponse::startStream(int status, const Headers& headers)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (_kind != Kind::None || _closed) return false;
	_kind = Kind::Stream;
	_status = status;
	_headers = headers;
	_changed.broadcast();
	return true;
}

bool ConnectionResponse::write(std::shared_ptr<const std::string> chunk)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (_kind != Kind::Stream || _closed || _ended) return false;
	if (!chunk || chunk->empty()) return true;
	if (_queued + chunk->size() > _backlog)
	{
		_closed = true; // too far behind: cut, and the others go on
		_changed.broadcast();
		return false;
	}
	_queued += chunk->size();
	_chunks.push_back(std::move(chunk));
	_changed.broadcast();
	return true;
}

void ConnectionResponse::end()
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_ended = true;
	_changed.broadcast();
}

bool ConnectionResponse::isOpen() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return !_closed && !_ended && _kind != Kind::Complete;
}

ConnectionResponse::Outcome ConnectionResponse::serve(Poco::Net::HTTPServerResponse& response, Poco::Net::StreamSocket& socket,
	const Poco::Timespan& deadline, const std::function<void()>& streaming)
{
	Kind kind = Kind::None;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		const Poco::Timestamp started;
		while (_kind == Kind::None && !started.isElapsed(deadline.totalMicroseconds()))
		{
			const long left = static_cast<long>((deadline.totalMicroseconds() - started.elapsed()) / 1000);
			_changed.tryWait(_mutex, std::max(left, 1L));
		}
		kind = _kind;
		if (kind == Kind::None) _closed = true;
	}
	if (kind == Kind::None)
	{
		static const std::string body = "{\"detail\":\"the server did not answer in time\"}";
		apply(response, 503, {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-store"}});
		response.setContentLength(static_cast<std::streamsize>(body.size()));
		response.send() << body << std::flush;
		return Outcome::NoAnswer;
	}
	if (kind == Kind::Complete)
	{
		apply(response, _status, _headers);
		const std::size_t size = _body ? _body->size() : 0;
		response.setContentLength64(static_cast<Poco::Int64>(size));
		std::ostream& out = response.send();
		if (!_head && size > 0 && size < directBody) out.write(_body->data(), static_cast<std::streamsize>(size));
		out.flush();
		if (!_head && size >= directBody) sendAll(socket, _body->data(), size);
		return Outcome::Answered;
	}
	apply(response, _status, _headers);
	response.setKeepAlive(false);
	response.setChunkedTransferEncoding(false);
	response.send().flush();
	if (_head)
	{
		// HEAD: the stream's headers only; the route sees a closed response and stops writing
		Poco::FastMutex::ScopedLock lock(_mutex);
		_closed = true;
		_chunks.clear();
		_changed.broadcast();
		return Outcome::Streamed;
	}
	streaming();
	for (;;)
	{
		std::shared_ptr<const std::string> chunk;
		bool idle = false;
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			if (_chunks.empty() && !_ended && !_closed) idle = !_changed.tryWait(_mutex, 1000);
			if (_closed || (_ended && _chunks.empty())) break;
			if (!idle && _chunks.empty()) continue;
		}
		if (idle)
		{
			// nothing to send for a while: has the viewer hung up?
			if (socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ | Poco::Net::Socket::SELECT_ERROR) && socket.available() <= 0) break;
			continue;
		}
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			if (_chunks.empty()) continue;
			chunk = std::move(_chunks.front());
			_chunks.pop_front();
			_queued -= chunk->size();
		}
		try
		{
			sendAll(socket, chunk->data(), chunk->size());
		}
		catch (const Poco::Exception&)
		{
			break; // the viewer left
		}
	}
	Poco::FastMutex::ScopedLock lock(_mutex);
	_closed = true;
	_chunks.clear();
	return Outcome::Streamed;
}

void ConnectionResponse::apply(Poco::Net::HTTPServerResponse& response, int status, const Headers& headers) const
{
	response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
	for (const auto& header : _defaults) response.set(header.first, header.second);
	for (const auto& header : headers) response.erase(header.first); // the route's headers win over the defaults
	for (const auto& header : headers)
	{
		if (Poco::icompare(header.first, "Content-Type") == 0)
			response.setContentType(header.second);
		else
			response.add(header.first, header.second);
	}
}

void ConnectionResponse::sendAll(Poco::Net::StreamSocket& socket, const char* data, std::size_t size)
{
	std::size_t sent = 0;
	while (sent < size)
	{
		const int chunk = static_cast<int>(std::min<std::size_t>(size - sent, 1 << 30));
		const int written = socket.sendBytes(data + sent, chunk);
		if (written <= 0) throw Poco::Net::ConnectionResetException("the client closed the connection");
		sent += static_cast<std::size_t>(written);
	}
}

} // namespace restream::host
