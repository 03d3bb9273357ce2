//
// LogCapture.cpp
//

#include "LogCapture.h"
#include <Poco/Message.h>

namespace restream {
namespace test {

void LogCapture::log(const Poco::Message& message)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_text += "[" + std::to_string(message.getPriority()) + "] " + message.getSource() + ": " + message.getText() + "\n";
}

std::string LogCapture::text() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _text;
}

} // namespace test
} // namespace restream
