//
// LogCapture.h
//

#ifndef restream_test_LogCapture_INCLUDED
#define restream_test_LogCapture_INCLUDED

#include <Poco/Channel.h>
#include <Poco/Mutex.h>
#include <string>

namespace restream {
namespace test {

class LogCapture : public Poco::Channel
	/// A logging channel that keeps every line ("[priority] source: text") for
	/// a test to read. Thread-safe.
{
public:
	void log(const Poco::Message& message) override;
	std::string text() const;

private:
	std::string _text;
	mutable Poco::FastMutex _mutex;
};

} // namespace test
} // namespace restream

#endif // restream_test_LogCapture_INCLUDED
