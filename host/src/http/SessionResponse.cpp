//
// SessionResponse.cpp
//

#include "http/SessionResponse.h"
#include "http/HttpSession.h"
#include <boost/asio/post.hpp>

namespace restream::host {

SessionResponse::SessionResponse(std::weak_ptr<HttpSession> session, boost::beast::tcp_stream::executor_type executor, std::size_t backlog):
	_session(std::move(session)),
	_executor(std::move(executor)),
	_backlog(backlog)
{
}

template <class Call>
void SessionResponse::post(Call call)
{
	boost::asio::post(_executor, [session = _session, self = shared_from_this(), call = std::move(call)]() mutable {
		if (auto alive = session.lock()) call(*alive, self);
	});
}

void SessionResponse::send(int status, const Headers& headers, std::shared_ptr<const std::string> body)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_kind != Kind::None || _closed) return;
		_kind = Kind::Complete;
	}
	post([status, headers, body = std::move(body)](HttpSession& session, const std::shared_ptr<SessionResponse>& self) mutable {
		session.answer(self, status, headers, std::move(body));
	});
}

bool SessionResponse::startStream(int status, const Headers& headers)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_kind != Kind::None || _closed) return false;
		_kind = Kind::Stream;
	}
	post([status, headers](HttpSession& session, const std::shared_ptr<SessionResponse>& self) { session.beginStream(self, status, headers); });
	return true;
}

bool SessionResponse::write(std::shared_ptr<const std::string> chunk)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_kind != Kind::Stream || _closed || _ended) return false;
		if (!chunk || chunk->empty()) return true;
		if (_queued + chunk->size() > _backlog)
		{
			_closed = true; // too far behind: cut, and the others go on
			post([](HttpSession& session, const std::shared_ptr<SessionResponse>& self) { session.abandon(self); });
			return false;
		}
		_queued += chunk->size();
	}
	post([chunk = std::move(chunk)](HttpSession& session, const std::shared_ptr<SessionResponse>& self) mutable {
		session.streamChunk(self, std::move(chunk));
	});
	return true;
}

void SessionResponse::end()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_ended || _closed) return;
		_ended = true;
	}
	post([](HttpSession& session, const std::shared_ptr<SessionResponse>& self) { session.endStream(self); });
}

bool SessionResponse::isOpen() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return !_closed && !_ended && _kind != Kind::Complete;
}

void SessionResponse::written(std::size_t bytes)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_queued -= std::min(bytes, _queued);
}

void SessionResponse::close()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_closed = true;
}

} // namespace restream::host
