//
// StreamClient.cpp
//

#include "StreamClient.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <chrono>
#include <istream>

namespace restream {
namespace test {

StreamClient::StreamClient(unsigned short port, const std::string& path, const std::string& method):
	_session("127.0.0.1", port)
{
	_session.setTimeout(Poco::Timespan(30, 0));
	Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
	_session.sendRequest(request);
	_body = &_session.receiveResponse(_response);
	_reader = std::thread([this] { read(); });
}

StreamClient::~StreamClient()
{
	close();
}

int StreamClient::status() const
{
	return _response.getStatus();
}

std::string StreamClient::header(const std::string& name) const
{
	return _response.get(name, "");
}

bool StreamClient::hasHeader(const std::string& name) const
{
	return _response.has(name);
}

std::string StreamClient::body() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _received;
}

std::size_t StreamClient::size() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _received.size();
}

bool StreamClient::waitForSize(std::size_t bytes, int seconds)
{
	std::unique_lock<std::mutex> lock(_mutex);
	_changed.wait_for(lock, std::chrono::seconds(seconds), [&] { return _received.size() >= bytes || _ended; });
	return _received.size() >= bytes;
}

bool StreamClient::waitForEnd(int seconds)
{
	std::unique_lock<std::mutex> lock(_mutex);
	return _changed.wait_for(lock, std::chrono::seconds(seconds), [&] { return _ended; });
}

bool StreamClient::ended() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _ended;
}

void StreamClient::close()
{
	if (!_reader.joinable()) return;
	_closing = true;
	try
	{
		_session.socket().shutdown();
	}
	catch (const Poco::Exception&)
	{
		// already closed
	}
	_reader.join();
	try
	{
		_session.abort();
	}
	catch (const Poco::Exception&)
	{
		// already closed
	}
}

void StreamClient::read()
{
	char buffer[4096]; // small: a waiting test sees bytes soon after they come
	try
	{
		while (!_closing && _body->read(buffer, sizeof(buffer)).gcount() > 0)
		{
			std::lock_guard<std::mutex> lock(_mutex);
			_received.append(buffer, static_cast<std::size_t>(_body->gcount()));
			_changed.notify_all();
			if (_body->eof()) break;
		}
	}
	catch (const Poco::Exception&)
	{
		// the connection was closed or reset: the answer ended
	}
	std::lock_guard<std::mutex> lock(_mutex);
	_ended = true;
	_changed.notify_all();
}

} // namespace test
} // namespace restream
