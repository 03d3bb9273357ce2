//
// RecordedResponse.h
//
// A RouteResponse that keeps the answer, for unit tests of routes.
//

#ifndef restream_test_RecordedResponse_INCLUDED
#define restream_test_RecordedResponse_INCLUDED

#include "restream/RouteResponse.h"
#include <Poco/Mutex.h>
#include <string>

namespace restream {
namespace test {

class RecordedResponse : public RouteResponse
	/// Keeps what a route answered: status, headers and body (a stream's
	/// chunks appended). A route must answer once: a second answer fails
	/// the test's check of answers() (it is counted, not thrown).
	/// Thread-safe.
{
public:
	void send(int status, const Headers& headers, std::shared_ptr<const std::string> body) override;
	bool startStream(int status, const Headers& headers) override;
	bool write(std::shared_ptr<const std::string> chunk) override;
	void end() override;
	bool isOpen() const override;

	int status() const;
		/// 0 until answered.

	std::string header(const std::string& name) const;
		/// The value of the first header named name (any case), or "".

	std::string body() const;
	int answers() const;
		/// How many times send() or startStream() was called.

private:
	int _status = 0;
	Headers _headers;
	std::string _body;
	int _answers = 0;
	bool _open = true;
	mutable Poco::FastMutex _mutex;
};

} // namespace test
} // namespace restream

#endif // restream_test_RecordedResponse_INCLUDED
