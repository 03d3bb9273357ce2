//
// Poller.cpp
//

#include "Poller.h"

namespace restream::bench {

namespace {

std::string newestSegment(const std::string& playlist, const std::string& playlistPath)
	/// The path of the last URI line of a media playlist, resolved against the playlist's path
	/// (absolute URLs lose scheme and authority: every server measured is the one polled); empty if none.
{
	std::string uri;
	std::size_t start = 0;
	while (start < playlist.size())
	{
		std::size_t end = playlist.find('\n', start);
		if (end == std::string::npos) end = playlist.size();
		std::string line = playlist.substr(start, end - start);
		start = end + 1;
		while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
		if (!line.empty() && line[0] != '#') uri = line;
	}
	if (uri.empty()) return uri;
	const auto scheme = uri.find("://");
	if (scheme != std::string::npos)
	{
		const auto path = uri.find('/', scheme + 3);
		return path == std::string::npos ? std::string("/") : uri.substr(path);
	}
	if (uri[0] == '/') return uri;
	return playlistPath.substr(0, playlistPath.rfind('/') + 1) + uri;
}

} // namespace

Poller::Poller(boost::asio::io_context& context, const Plan& plan, Clock::time_point firstPoll, boost::asio::ip::tcp::endpoint server,
	boost::asio::ip::address source, std::vector<char>& scratch, PollStatistics& statistics):
	_plan(plan),
	_connection(context, std::move(server), std::move(source), scratch),
	_timer(context),
	_statistics(statistics),
	_due(firstPoll)
{
}

void Poller::start()
{
	wait();
}

void Poller::wait()
{
	if (_due >= _plan.end)
	{
		_timer.cancel();  // the last poll's timeout
		_connection.close();
		return;
	}
	_timer.expires_at(_due);
	_timer.async_wait([this](const boost::system::error_code& error) {
		if (!error) poll();
	});
}

void Poller::poll()
{
	_began = Clock::now();
	++_poll;
	_polling = true;
	_timedOut = false;
	_timer.expires_at(_began + _plan.timeout);
	_timer.async_wait([this, poll = _poll](const boost::system::error_code& error) {
		if (error || poll != _poll || !_polling) return;  // cancelled, or the poll ended as the time ran out
		_timedOut = true;
		_connection.close();
	});
	request(_plan.path, _plan.player, _plan.player ? &Poller::onPlaylist : &Poller::onAnswer);
}

void Poller::request(const std::string& path, bool keepBody, void (Poller::*next)())
{
	auto send = [this, path, keepBody, next] {
		_connection.get(path, keepBody, [this, next](ClientConnection::Failure failure) {
			if (failure != ClientConnection::Failure::None) return fail(failure);
			_statistics.received(_connection.answerBytes());
			if (_connection.status() != 200)
			{
				_statistics.notOk();
				return fail("status");
			}
			if (_connection.serverCloses()) _connection.close();
			(this->*next)();
		});
	};
	if (_plan.player && _connection.isOpen()) return send();
	_statistics.connected();
	_connection.connect([this, send](ClientConnection::Failure failure) {
		if (failure != ClientConnection::Failure::None) return fail(failure);
		send();
	});
}

void Poller::onPlaylist()
{
	const std::string segment = newestSegment(_connection.body(), _plan.path);
	if (segment.empty()) return fail("playlist");
	request(segment, false, &Poller::onAnswer);
}

void Poller::onAnswer()
{
	_statistics.answered(std::chrono::duration<double>(Clock::now() - _began).count());
	endPoll();
}

void Poller::fail(ClientConnection::Failure failure)
{
	switch (failure)
	{
	case ClientConnection::Failure::Local: return fail("local");
	case ClientConnection::Failure::Refused: return fail("refused");
	case ClientConnection::Failure::Connection: return fail("connection");
	case ClientConnection::Failure::Protocol: return fail("protocol");
	case ClientConnection::Failure::Aborted: return fail(_timedOut ? "timeout" : "aborted");
	case ClientConnection::Failure::None: break;
	}
	fail("unknown");
}

void Poller::fail(const std::string& kind)
{
	_statistics.failed(kind);
	_connection.close();
	endPoll();
}

void Poller::endPoll()
{
	_polling = false;
	if (!_plan.player) _connection.close();
	_due += _plan.interval;
	const auto now = Clock::now();
	if (_due < now) _due = now;  // late: the next poll at once, as a player catching up
	wait();
}

} // namespace restream::bench
