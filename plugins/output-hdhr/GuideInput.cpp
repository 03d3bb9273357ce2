//
// GuideInput.cpp
//

#include "GuideInput.h"

namespace outputhdhr {

GuideInput::GuideInput(std::istream& source, const std::atomic<bool>& stop):
	_source(source),
	_stop(stop),
	_buffer(64 * 1024)
{
}

std::size_t GuideInput::bytesRead() const
{
	return _bytesRead;
}

bool GuideInput::stopped() const
{
	return _stopped;
}

bool GuideInput::failed() const
{
	return _source.bad();
}

GuideInput::int_type GuideInput::underflow()
{
	if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
	if (_stop)
	{
		_stopped = true;
		return traits_type::eof();
	}
	_source.read(_buffer.data(), static_cast<std::streamsize>(_buffer.size()));
	const std::streamsize count = _source.gcount();
	if (count <= 0) return traits_type::eof();
	_bytesRead += static_cast<std::size_t>(count);
	setg(_buffer.data(), _buffer.data(), _buffer.data() + count);
	return traits_type::to_int_type(*gptr());
}

} // namespace outputhdhr
