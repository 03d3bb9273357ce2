//
// RawHttpGet.h
//
// A raw HTTP client connection for the fake provider's self-test.
//


#ifndef FakeProvider_RawHttpGet_INCLUDED
#define FakeProvider_RawHttpGet_INCLUDED


#include "Poco/Net/StreamSocket.h"
#include "Poco/Timespan.h"
#include "Poco/Types.h"
#include <map>
#include <string>


class RawHttpGet
	/// Sends one GET to 127.0.0.1 over a plain socket and reads the answer with timeouts, so a test
	/// sees exactly when data stops, resumes or the server closes. Not thread-safe.
{
public:
	RawHttpGet(Poco::UInt16 port, const std::string& target, const std::string& userAgent = "", int receiveBuffer = 0);
		/// Connects, sends "GET target" (receiveBuffer > 0 sets SO_RCVBUF before connecting) and
		/// reads the status line and the header. Throws Poco::TimeoutException after 5 s.

	int status() const;
	std::string header(const std::string& name) const;
		/// Header value by lower-case name, or "".
	bool hasHeader(const std::string& name) const;

	std::size_t read(std::string& data, std::size_t maximum, Poco::Timespan timeout);
		/// Appends up to maximum body bytes that arrive within timeout; returns how many (0 on
		/// timeout or at the end, see ended()).

	std::string readAtLeast(std::size_t bytes, Poco::Timespan timeout);
		/// Reads until at least bytes arrived; throws Poco::TimeoutException if not within timeout.

	bool waitForEnd(Poco::Timespan timeout);
		/// Discards data until the server closes (true) or timeout passes (false).

	bool drain(Poco::Timespan quiet, Poco::Timespan timeout);
		/// Discards data until none arrived for quiet (true), or timeout passes (false).

	bool ended() const;
		/// The server closed the connection.

	void close();

	Poco::Net::StreamSocket& socket();

private:
	Poco::Net::StreamSocket _socket;
	int _status = 0;
	std::map<std::string, std::string> _headers;
	std::string _pending; /// body bytes read with the header
	bool _ended = false;
};


#endif // FakeProvider_RawHttpGet_INCLUDED
