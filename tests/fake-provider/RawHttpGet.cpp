//
// RawHttpGet.cpp
//


#include "RawHttpGet.h"
#include "Poco/Exception.h"
#include "Poco/Net/NetException.h"
#include "Poco/Net/SocketAddress.h"
#include "Poco/NumberParser.h"
#include "Poco/String.h"
#include "Poco/Timestamp.h"
#include <sys/socket.h>


RawHttpGet::RawHttpGet(Poco::UInt16 port, const std::string& target, const std::string& userAgent, int receiveBuffer)
{
	const Poco::Net::SocketAddress address("127.0.0.1", port);
	if (receiveBuffer > 0)
	{
		_socket = Poco::Net::StreamSocket(address.family());
		_socket.setReceiveBufferSize(receiveBuffer);
	}
	_socket.connect(address, Poco::Timespan(5, 0));
	std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
	if (!userAgent.empty()) request += "User-Agent: " + userAgent + "\r\n";
	request += "\r\n";
	_socket.sendBytes(request.data(), static_cast<int>(request.size()), MSG_NOSIGNAL);

	std::string head;
	const Poco::Timestamp started;
	std::string::size_type end;
	while ((end = head.find("\r\n\r\n")) == std::string::npos)
	{
		if (started.isElapsed(5000000)) throw Poco::TimeoutException("no HTTP header within 5 s");
		char buffer[4096];
		if (!_socket.poll(Poco::Timespan(0, 100000), Poco::Net::Socket::SELECT_READ)) continue;
		const int n = _socket.receiveBytes(buffer, sizeof(buffer));
		if (n <= 0) throw Poco::IOException("connection closed before the end of the header");
		head.append(buffer, static_cast<std::size_t>(n));
	}
	_pending = head.substr(end + 4);
	head.resize(end);

	std::string::size_type lineStart = 0;
	bool first = true;
	while (lineStart <= head.size())
	{
		std::string::size_type lineEnd = head.find("\r\n", lineStart);
		if (lineEnd == std::string::npos) lineEnd = head.size();
		const std::string line = head.substr(lineStart, lineEnd - lineStart);
		if (first)
		{
			// "HTTP/1.1 200 OK"
			const std::string::size_type space = line.find(' ');
			if (space == std::string::npos) throw Poco::DataFormatException("bad status line", line);
			_status = Poco::NumberParser::parse(line.substr(space + 1, 3));
			first = false;
		}
		else
		{
			const std::string::size_type colon = line.find(':');
			if (colon != std::string::npos)
				_headers[Poco::toLower(line.substr(0, colon))] = Poco::trim(line.substr(colon + 1));
		}
		lineStart = lineEnd + 2;
	}
}


int RawHttpGet::status() const
{
	return _status;
}


std::string RawHttpGet::header(const std::string& name) const
{
	auto it = _headers.find(name);
	return it == _headers.end() ? std::string() : it->second;
}


bool RawHttpGet::hasHeader(const std::string& name) const
{
	return _headers.count(name) > 0;
}


std::size_t RawHttpGet::read(std::string& data, std::size_t maximum, Poco::Timespan timeout)
{
	if (!_pending.empty())
	{
		const std::size_t n = std::min(maximum, _pending.size());
		data.append(_pending, 0, n);
		_pending.erase(0, n);
		return n;
	}
	if (_ended || !_socket.poll(timeout, Poco::Net::Socket::SELECT_READ)) return 0;
	char buffer[65536];
	int n = 0;
	try
	{
		n = _socket.receiveBytes(buffer, static_cast<int>(std::min(maximum, sizeof(buffer))));
	}
	catch (Poco::Net::NetException&)
	{
		n = 0; // reset by the server counts as closed
	}
	if (n <= 0)
	{
		_ended = true;
		return 0;
	}
	data.append(buffer, static_cast<std::size_t>(n));
	return static_cast<std::size_t>(n);
}


std::string RawHttpGet::readAtLeast(std::size_t bytes, Poco::Timespan timeout)
{
	std::string data;
	const Poco::Timestamp started;
	while (data.size() < bytes)
	{
		if (_ended) throw Poco::IOException("connection closed after " + std::to_string(data.size()) + " bytes");
		if (started.isElapsed(timeout.totalMicroseconds()))
			throw Poco::TimeoutException("only " + std::to_string(data.size()) + " bytes arrived");
		read(data, bytes - data.size(), Poco::Timespan(0, 100000));
	}
	return data;
}


bool RawHttpGet::waitForEnd(Poco::Timespan timeout)
{
	const Poco::Timestamp started;
	while (!_ended)
	{
		if (started.isElapsed(timeout.totalMicroseconds())) return false;
		std::string discarded;
		read(discarded, 65536, Poco::Timespan(0, 50000));
	}
	return true;
}


bool RawHttpGet::drain(Poco::Timespan quiet, Poco::Timespan timeout)
{
	const Poco::Timestamp started;
	while (!started.isElapsed(timeout.totalMicroseconds()))
	{
		std::string discarded;
		if (read(discarded, 65536, quiet) == 0) return !_ended;
	}
	return false;
}


bool RawHttpGet::ended() const
{
	return _ended;
}


void RawHttpGet::close()
{
	_socket.close();
}


Poco::Net::StreamSocket& RawHttpGet::socket()
{
	return _socket;
}
