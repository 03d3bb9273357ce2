//
// RecordedResponse.cpp
//

#include "RecordedResponse.h"
#include <Poco/String.h>

namespace restream {
namespace test {

void RecordedResponse::send(int status, const Headers& headers, std::shared_ptr<const std::string> body)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	++_answers;
	_status = status;
	_headers = headers;
	_body = body ? *body : std::string();
	_open = false;
}

bool RecordedResponse::startStream(int status, const Headers& headers)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	++_answers;
	_status = status;
	_headers = headers;
	return _open;
}

bool RecordedResponse::write(std::shared_ptr<const std::string> chunk)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (!_open) return false;
	if (chunk) _body += *chunk;
	return true;
}

void RecordedResponse::end()
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_open = false;
}

bool RecordedResponse::isOpen() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _open;
}

int RecordedResponse::status() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _status;
}

std::string RecordedResponse::header(const std::string& name) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const auto& header : _headers)
	{
		if (Poco::icompare(header.first, name) == 0) return header.second;
	}
	return std::string();
}

std::string RecordedResponse::body() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _body;
}

int RecordedResponse::answers() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _answers;
}

} // namespace test
} // namespace restream
