//
// ReadBuffer.cpp
//

#include "ReadBuffer.h"
#include <algorithm>
#include <cstring>

namespace sourcextream {

ReadBuffer::ReadBuffer(Read read, std::size_t capacity): _read(std::move(read)), _buffer(capacity)
{
	setg(_buffer.data(), _buffer.data(), _buffer.data());
}

std::string ReadBuffer::peek(std::size_t count)
{
	while (static_cast<std::size_t>(egptr() - gptr()) < count && fill())
	{
	}
	return std::string(gptr(), std::min(count, static_cast<std::size_t>(egptr() - gptr())));
}

ReadBuffer::int_type ReadBuffer::underflow()
{
	if (gptr() == egptr() && !fill()) return traits_type::eof();
	return traits_type::to_int_type(*gptr());
}

bool ReadBuffer::fill()
{
	if (_ended) return false;
	// what is still unread moves to the front, the read appends after it
	const std::size_t unread = static_cast<std::size_t>(egptr() - gptr());
	std::memmove(_buffer.data(), gptr(), unread);
	setg(_buffer.data(), _buffer.data(), _buffer.data() + unread);
	const std::streamsize count = _read(_buffer.data() + unread, static_cast<std::streamsize>(_buffer.size() - unread));
	if (count <= 0)
	{
		_ended = true;
		return false;
	}
	setg(_buffer.data(), _buffer.data(), _buffer.data() + unread + static_cast<std::size_t>(count));
	return true;
}

} // namespace sourcextream
