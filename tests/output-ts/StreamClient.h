//
// StreamClient.h
//
// A viewer of an endless HTTP answer, for the output-ts tests.
//

#ifndef restream_test_StreamClient_INCLUDED
#define restream_test_StreamClient_INCLUDED

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPResponse.h>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

namespace restream {
namespace test {

class StreamClient
	/// Sends one request to 127.0.0.1:port, waits (at most 30 s) for the
	/// status and headers, then reads the body on a thread of its own until
	/// the server closes or close() is called. Methods from the test thread.
{
public:
	StreamClient(unsigned short port, const std::string& path, const std::string& method = "GET");
	~StreamClient();
		/// close().

	int status() const;
	std::string header(const std::string& name) const;
		/// "" when absent.
	bool hasHeader(const std::string& name) const;

	std::string body() const;
		/// What came so far.
	std::size_t size() const;

	bool waitForSize(std::size_t bytes, int seconds);
		/// True once at least bytes came; false when the answer ended or
		/// seconds passed before.
	bool waitForEnd(int seconds);
		/// True once the server closed the answer.
	bool ended() const;

	void close();
		/// Hangs up (the server sees the viewer leave) and joins the reader.

private:
	void read();

	Poco::Net::HTTPClientSession _session;
	Poco::Net::HTTPResponse _response;
	std::istream* _body = nullptr;
	mutable std::mutex _mutex;
	std::condition_variable _changed;
	std::string _received;
	bool _ended = false;
	std::atomic<bool> _closing{false};
	std::thread _reader;
};

} // namespace test
} // namespace restream

#endif // restream_test_StreamClient_INCLUDED
