//
// ProgramFeed.cpp
//

#include "live/ProgramFeed.h"
#include "live/Program.h"

namespace restream::host {

ProgramFeed::ProgramFeed(std::shared_ptr<Program> program, Poco::UInt64 number):
	_program(std::move(program)),
	_number(number)
{
}

bool ProgramFeed::begin(const ChannelFormat& format)
{
	_program->begin(_number, format);
	return true;
}

bool ProgramFeed::write(const AVPacket& packet)
{
	return _program->write(_number, packet);
}

void ProgramFeed::end()
{
}

bool ProgramFeed::playable() const
{
	return false;
}

int ProgramFeed::viewers() const
{
	return 0;
}

Poco::UInt64 ProgramFeed::bytesServed() const
{
	return 0;
}

} // namespace restream::host
